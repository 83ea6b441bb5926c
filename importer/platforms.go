package importer

import (
	"strings"

	"shopcrm/data"
	"shopcrm/importer/clean"
	"shopcrm/importer/field"
)

// platformLayout is one platform export's layout as PLATFORMS.md describes it: the
// headers that tell it apart, what its columns mean where the general header names
// would read them wrong, and which of its money columns are order-level (repeated on
// every item row of an order, so counted once per order).
type platformLayout struct {
	id       string
	platform data.Platform
	// marks: the layout is recognised when every header of one of these sets is present.
	marks [][]string
	// fields maps a header (as the export writes it) to its field; keepExtra keeps a
	// column as an extra field although a general header name would read it.
	fields map[string]field.Key
	// orderLevel names the money columns an export repeats on each item row of an
	// order: they count once per order, item-level columns are summed.
	orderLevel []string

	norm      map[string]field.Key // fields, by clean.Header
	normOrder map[string]bool      // orderLevel, by clean.Header
	normMarks [][]string
}

// keepExtra, in a layout's fields, keeps a column as an extra field.
const keepExtra field.Key = field.ExtraPrefix

// recipient maps a no-buyer layout's receiver columns to the order's shipping fields:
// the receiver is not the buyer there (gifts, masked or virtual numbers).
func recipient(name, phone, address string, more map[string]field.Key) map[string]field.Key {
	m := map[string]field.Key{name: field.ShipName, phone: field.ShipPhone, address: field.ShipAddress}
	for h, k := range more {
		m[h] = k
	}
	return m
}

// platformLayouts is the layout table: every export layout of PLATFORMS.md.
var platformLayouts = []*platformLayout{
	{id: "youzan_orders", platform: data.PlatformYouzan,
		marks: [][]string{{"订单号", "买家付款时间", "订单实付金额"}, {"归属店铺", "买家手机号"}},
		fields: map[string]field.Key{
			"订单号": field.OrderNo, "订单创建时间": field.CreatedAt, "买家付款时间": field.PaidAt,
			"订单实付金额": field.Amount, "订单已退款金额": field.Refund, "全部商品名称": field.Goods,
			"买家手机号": field.Phone, "买家昵称": field.Name, "收货人/提货人": field.ShipName,
			"收货人手机号/提货人手机号": field.ShipPhone, "详细收货地址/提货地址": field.ShipAddress,
			"收货人省份": field.Province, "收货人城市": field.City, "买家备注": field.TradeNote,
			"订单状态": field.Status, "交易成功时间": keepExtra, "挂账手机号": keepExtra, "分销员手机号": keepExtra,
		}},
	{id: "youzan_items", platform: data.PlatformYouzan,
		marks: [][]string{{"订单号", "订单商品状态", "商品实际成交金额"}},
		fields: map[string]field.Key{
			"订单号": field.OrderNo, "交易成功时间": field.TradedAt, "商品名称": field.Goods, "商品数量": field.Quantity,
			"商品实际成交金额": field.Amount, "商品已退款金额": field.Refund, "商品单价": field.UnitPrice,
			"收货人/提货人": field.Name, "收货人手机号/提货人手机号": field.Phone, "详细收货地址/提货地址": field.Address,
			"收货人省份": field.Province, "收货人城市": field.City, "买家备注": field.TradeNote, "订单商品状态": field.Status,
		}},
	{id: "youzan_customers", platform: data.PlatformYouzan,
		marks: [][]string{{"客户手机号", "客户昵称"}, {"客户手机号", "成为客户时间"}},
		fields: map[string]field.Key{
			"客户姓名": field.Name, "客户手机号": field.Phone, "客户生日": field.Birthday, "客户性别": field.Gender,
			"标签": field.Tags, "客户昵称": keepExtra, "来源渠道": field.Source,
		}},
	{id: "pdd_orders", platform: data.PlatformPDD,
		marks: [][]string{{"订单号", "用户实付金额(元)"}, {"订单号", "商家实收金额(元)"}},
		fields: map[string]field.Key{
			"订单号": field.OrderNo, "商品": field.Goods, "商品数量(件)": field.Quantity, "支付时间": field.PaidAt,
			"订单成交时间": field.CreatedAt, "用户实付金额(元)": field.Amount, "订单状态": field.Status,
			"省": field.Province, "市": field.City, "买家留言": field.TradeNote,
			"用户购买手机号": keepExtra, "配送员手机号": keepExtra, "商品总价(元)": keepExtra,
		}},
	{id: "douyin_orders", platform: data.PlatformDouyin,
		marks: [][]string{{"主订单编号", "子订单编号", "选购商品"}, {"主订单编号", "订单应付金额"}},
		fields: recipient("收件人", "收件人手机号", "详细地址", map[string]field.Key{
			"主订单编号": field.OrderNo, "子订单编号": keepExtra, "选购商品": field.Goods, "商品数量": field.Quantity,
			"商品单价": field.UnitPrice, "订单应付金额": field.Amount, "订单提交时间": field.CreatedAt,
			"支付完成时间": field.PaidAt, "订单状态": field.Status, "买家留言": field.TradeNote,
			"省": field.Province, "市": field.City, "达人昵称": keepExtra,
		}),
		orderLevel: []string{"订单应付金额"}},
	{id: "douyin_aftersale", platform: data.PlatformDouyin,
		marks: [][]string{{"售后单号", "订单号", "售后类型"}}},
	{id: "kuaishou_orders", platform: data.PlatformKuaishou,
		marks: [][]string{{"订单号", "实付款", "成交数量"}, {"订单号", "快赚客ID"}},
		fields: recipient("收货人姓名", "收货人电话", "收货地址", map[string]field.Key{
			"订单号": field.OrderNo, "订单创建时间": field.CreatedAt, "订单支付时间": field.PaidAt, "实付款": field.Amount,
			"成交数量": field.Quantity, "商品名称": field.Goods, "商品单价": field.UnitPrice, "订单状态": field.Status,
			"收货地址-省": field.Province, "收货地址-市": field.City, "买家留言": field.TradeNote,
			"实名姓名": keepExtra, "CPS达人昵称": keepExtra,
		})},
	{id: "wechat_orders", platform: data.PlatformWeChat,
		marks: [][]string{{"订单号", "订单实际支付金额", "商品实际价格(总共)"}, {"订单号", "带货账号昵称"}},
		fields: recipient("收件人姓名", "收件人手机", "收件人地址", map[string]field.Key{
			"订单号": field.OrderNo, "订单下单时间": field.CreatedAt, "支付时间": field.PaidAt,
			"订单实际支付金额": field.Amount, "商品已退款金额": field.Refund, "商品名称": field.Goods,
			"商品数量": field.Quantity, "商品实际价格(单件)": field.UnitPrice, "订单状态": field.Status,
			"省": field.Province, "市": field.City, "买家备注": field.TradeNote, "带货账号昵称": keepExtra,
		}),
		orderLevel: []string{"订单实际支付金额", "订单实际收款金额", "商品总价", "订单运费"}},
	{id: "xiaohongshu_orders", platform: data.PlatformXiaohongshu,
		marks: [][]string{{"订单号", "小红书编码"}, {"订单号", "用户编号", "SKU件数"}},
		fields: recipient("收件人姓名", "收件人电话", "收件人地址", map[string]field.Key{
			"订单号": field.OrderNo, "用户编号": field.Nick, "商品名称": field.Goods, "SKU件数": field.Quantity,
			"用户应付金额(元)": field.Amount, "支付时间": field.PaidAt, "订单创建时间": field.CreatedAt,
			"订单状态": field.Status, "省": field.Province, "市": field.City, "用户备注": field.TradeNote,
			"达人名称": keepExtra, "订购人身份证姓名/ID Name": keepExtra, "收件人身份证姓名": keepExtra,
		})},
	{id: "1688_orders", platform: data.Platform1688,
		marks: [][]string{{"订单编号", "买家会员名", "卖家会员名"}, {"订单编号", "买家公司名", "实付款(元)"}},
		fields: map[string]field.Key{
			"订单编号": field.OrderNo, "买家会员名": field.Nick, "实付款(元)": field.Amount, "订单创建时间": field.CreatedAt,
			"订单付款时间": field.PaidAt, "货品标题": field.Goods, "数量": field.Quantity, "单价(元)": field.UnitPrice,
			"收货人姓名": field.Name, "联系手机": field.Phone, "联系电话": field.Phone, "收货地址": field.Address,
			"买家留言": field.TradeNote, "订单状态": field.Status, "卖家会员名": keepExtra, "卖家公司名": keepExtra,
			"代理商姓名": keepExtra, "代理商联系方式": keepExtra,
		},
		orderLevel: []string{"实付款(元)", "货品总价(元)", "运费(元)"}},
	{id: "qianniu_orders", platform: data.PlatformTaobao,
		marks: [][]string{{"订单编号", "支付单号", "买家实付金额", "商品标题"}, {"订单编号", "确认收货打款金额"}},
		fields: map[string]field.Key{
			"订单编号": field.OrderNo, "买家实付金额": field.Amount, "订单创建时间": field.CreatedAt,
			"订单付款时间": field.PaidAt, "商品标题": field.Goods, "宝贝总数量": field.Quantity, "收货地址": field.ShipAddress,
			"订单状态": field.Status, "退款金额": field.Refund, "商家备注": field.TradeNote, "总金额": keepExtra,
		}},
	{id: "qianniu_items", platform: data.PlatformTaobao,
		marks: [][]string{{"子订单编号", "主订单编号", "商品标题"}, {"主订单编号", "退款状态"}},
		fields: map[string]field.Key{
			"主订单编号": field.OrderNo, "子订单编号": keepExtra, "商品标题": field.Goods, "购买数量": field.Quantity,
			"商品价格": field.UnitPrice, "买家实付金额": field.Amount, "退款金额": field.Refund, "订单创建时间": field.CreatedAt,
			"订单付款时间": field.PaidAt, "订单状态": field.Status, "商家备注": field.TradeNote,
		}},
	{id: "taobao_legacy", platform: data.PlatformTaobao,
		marks: [][]string{{"订单编号", "买家会员名"}, {"订单编号", "买家支付宝账号"}, {"订单编号", "宝贝标题"}, {"订单编号", "标题", "套餐信息"}}},
	{id: "jd_orders", platform: data.PlatformJD,
		marks: [][]string{{"订单号", "京东价"}, {"订单号", "下单帐号"}},
		fields: map[string]field.Key{
			"订单号": field.OrderNo, "下单帐号": field.Nick, "客户姓名": field.Name, "联系电话": field.Phone,
			"客户地址": field.Address, "商品名称": field.Goods, "订购数量": field.Quantity, "京东价": field.UnitPrice,
			"应付金额": field.Amount, "下单时间": field.CreatedAt, "付款确认时间": field.PaidAt, "订单状态": field.Status,
			"订单备注": field.TradeNote,
		},
		orderLevel: []string{"应付金额", "订单金额", "结算金额", "实付金额"}},
	{id: "shopee_orders", platform: data.PlatformShopee,
		marks: [][]string{{"Order ID", "Username (Buyer)"}, {"หมายเลขคำสั่งซื้อ", "ชื่อผู้ใช้ (ผู้ซื้อ)"}, {"Mã đơn hàng", "Người Mua"}},
		fields: recipient("Receiver Name", "Phone Number", "Delivery Address", map[string]field.Key{
			"Order ID": field.OrderNo, "หมายเลขคำสั่งซื้อ": field.OrderNo, "Mã đơn hàng": field.OrderNo,
			"Username (Buyer)": field.Nick, "ชื่อผู้ใช้ (ผู้ซื้อ)": field.Nick, "Người Mua": field.Nick,
			"Product Name": field.Goods, "Quantity": field.Quantity, "Deal Price": field.UnitPrice,
			"Grand Total": field.Amount, "Products' Price Paid by Buyer": keepExtra,
			"ราคาสินค้าที่ชำระโดยผู้ซื้อ": field.Amount, "Order Creation Date": field.CreatedAt,
			"Order Paid Time": field.PaidAt, "Order Status": field.Status, "Remark from buyer": field.TradeNote,
			"Province": field.Province, "Town": keepExtra, "Note": keepExtra,
		}),
		orderLevel: []string{"Grand Total", "Products' Price Paid by Buyer", "ราคาสินค้าที่ชำระโดยผู้ซื้อ",
			"Buyer Paid Shipping Fee", "Total Discount", "Seller Voucher", "Shopee Voucher"}},
	{id: "lazada_orders", platform: data.PlatformLazada,
		marks: [][]string{{"orderItemId", "orderNumber", "lazadaId"}, {"orderNumber", "customerName", "paidPrice"}},
		fields: recipient("shippingName", "shippingPhone", "shippingAddress", map[string]field.Key{
			"orderNumber": field.OrderNo, "customerName": field.Name, "customerEmail": field.Email,
			"createTime": field.CreatedAt, "paidPrice": field.Amount, "unitPrice": field.UnitPrice, "itemName": field.Goods,
			"status": field.Status, "refundAmount": field.Refund, "shippingCity": field.City, "shippingRegion": field.Province,
			"billingName": keepExtra, "billingPhone": keepExtra, "billingAddr": keepExtra, "billingCity": keepExtra,
			"shippingPhone2": keepExtra, "billingPhone2": keepExtra,
		})},
	{id: "tiktok_orders", platform: data.PlatformTikTok,
		marks: [][]string{{"Order ID", "Buyer Username"}, {"Order ID", "Order Amount", "Sku Quantity of return"}},
		fields: recipient("Recipient", "Phone #", "Detail Address", map[string]field.Key{
			"Order ID": field.OrderNo, "Buyer Username": field.Nick, "Product Name": field.Goods, "Quantity": field.Quantity,
			"SKU Unit Original Price": field.UnitPrice, "Order Amount": field.Amount, "Order Refund Amount": field.Refund,
			"Created Time": field.CreatedAt, "Paid Time": field.PaidAt, "Order Status": field.Status,
			"Buyer Message": field.TradeNote, "Province": field.Province, "Seller Note": keepExtra,
		}),
		orderLevel: []string{"Order Amount", "Order Refund Amount", "Shipping Fee After Discount", "Original Shipping Fee",
			"Taxes", "Small Order Fee"}},
	{id: "shopify", platform: data.PlatformShopify,
		marks: [][]string{{"Financial Status"}, {"Lineitem name"}, {"Accepts Email Marketing"}, {"Accepts Marketing"}, {"Total Spent"}}},
	{id: "woocommerce_customers", platform: data.PlatformWooCommerce,
		marks: [][]string{{"Username", "Total Spend", "AOV"}},
		fields: map[string]field.Key{
			"Name": field.Name, "Username": field.Nick, "Email": field.Email, "City": field.City, "Region": field.Province,
			"Orders": keepExtra, "Total Spend": keepExtra, "Last Active": keepExtra, "Sign Up": keepExtra,
		}},
	{id: "woocommerce_orders", platform: data.PlatformWooCommerce,
		marks: [][]string{{"Order #", "Net Sales", "Customer type"}},
		fields: map[string]field.Key{
			"Date": field.TradedAt, "Order #": field.OrderNo, "N. Revenue (formatted)": field.Amount, "Status": field.Status,
			"Customer": field.Name, "Product(s)": field.Goods, "Items sold": field.Quantity, "Net Sales": keepExtra,
		}},
}

// The table in clean.Header form, once.
func init() {
	for _, l := range platformLayouts {
		l.norm, l.normOrder = map[string]field.Key{}, map[string]bool{}
		for h, k := range l.fields {
			l.norm[headerKey(h)] = k
		}
		for _, h := range l.orderLevel {
			l.normOrder[headerKey(h)] = true
		}
		for _, set := range l.marks {
			var n []string
			for _, h := range set {
				n = append(n, headerKey(h))
			}
			l.normMarks = append(l.normMarks, n)
		}
	}
}

// headerKey is a header as layouts and names compare it: clean.Header of the header
// without a currency suffix ("Total (USD)", "商品总价(元)").
func headerKey(h string) string {
	base, _ := splitCurrency(h)
	return clean.Header(base)
}

// splitCurrency splits a money header's currency suffix off: "Grand Total (PHP)" is
// "Grand Total" in PHP, "用户实付金额(元)" is "用户实付金额" in CNY. Headers without one
// are returned whole with "".
func splitCurrency(h string) (string, data.Currency) {
	t := strings.TrimSpace(h)
	var closing string
	switch {
	case strings.HasSuffix(t, ")"):
		closing = ")"
	case strings.HasSuffix(t, "）"):
		closing = "）"
	default:
		return h, ""
	}
	inner := strings.TrimSuffix(t, closing)
	open := strings.LastIndexAny(inner, "(（")
	if open < 0 {
		return h, ""
	}
	cur, ok := data.ParseCurrency(strings.TrimPrefix(strings.TrimPrefix(inner[open:], "("), "（"))
	if !ok {
		return h, ""
	}
	return strings.TrimSpace(inner[:open]), cur
}

// detectLayout is the platform layout a header row is, or nil: the one whose marks
// are all present, the most specific (most marks) first.
func detectLayout(headers []string) *platformLayout {
	have := make(map[string]bool, len(headers))
	for _, h := range headers {
		have[headerKey(h)] = true
	}
	var best *platformLayout
	bestN := 0
	for _, l := range platformLayouts {
		for _, set := range l.normMarks {
			all := true
			for _, h := range set {
				all = all && have[h]
			}
			if all && len(set) > bestN {
				best, bestN = l, len(set)
			}
		}
	}
	return best
}

// field is the field the layout gives a header, if it names one, ranked before any
// general header name.
func (l *platformLayout) field(header string) (field.Key, int, bool) {
	if l == nil {
		return "", 0, false
	}
	k, ok := l.norm[headerKey(header)]
	return k, -1, ok
}

// isOrderLevel reports whether the layout repeats a money header on each item row.
func (l *platformLayout) isOrderLevel(header string) bool {
	return l != nil && l.normOrder[headerKey(header)]
}
