package importer

import (
	"bufio"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
	"shopcrm/importer/sheet"
)

// platformFile writes a CSV with the real header of a platform export (from
// ../shared/data/platform-headers) and rows of synthetic values, each row given as
// header → value (a repeated header gets the value in every column of that name).
func platformFile(t *testing.T, headerFile string, rows []map[string]string) string {
	t.Helper()
	f, err := os.Open(realFile(t, filepath.Join("platform-headers", headerFile)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && line == "" {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(line))
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), strings.TrimSuffix(headerFile, ".header.csv")+".csv")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(out)
	if err := w.Write(header); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, h := range header {
		known[h] = true
	}
	for _, row := range rows {
		rec := make([]string, len(header))
		for i, h := range header {
			rec[i] = row[h]
		}
		for h := range row {
			if !known[h] {
				t.Fatalf("%s has no column %q", headerFile, h)
			}
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// readOrders reads a file the way Import does, without a store: the sheet's
// platform, the rows as the store would get them (line items folded into orders),
// and the reader's problems.
func readOrders(t *testing.T, path string) (data.Platform, []*data.ImportRow, []data.RowIssue) {
	t.Helper()
	wb, err := sheet.Open(path, sheet.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rows, m, _, err := openSheet(wb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	p := choosePlatform("", m)
	b := newRowBuilder(m, p, cst)
	b.fileTime = time.Date(2026, 12, 1, 0, 0, 0, 0, cst)
	feed := make(chan readResult, 1024)
	go func() {
		defer close(feed)
		readRows(context.Background(), rows, b, func(int) {}, feed)
	}()
	var out []*data.ImportRow
	for r := range feed {
		if r.err != nil {
			t.Fatal(r.err)
		}
		out = append(out, r.row)
	}
	return p, out, b.issues
}

// order is what a test expects of one order after its rows are folded.
type order struct {
	amount, refund int64
	qty            int
	day            string // the trade's date, YYYY-MM-DD
}

// stat is a customer's trade count and total value.
type stat struct {
	trades int
	total  int64
}

// platformCase is a synthetic export of one PLATFORMS.md layout, with the orders
// and per-customer figures worked out by hand from its rows.
type platformCase struct {
	header   string
	platform data.Platform
	rows     []map[string]string
	orders   map[string]order
	// customers, by nick, phone or email: for layouts that name the buyer.
	customers map[string]stat
	check     func(t *testing.T, rows []*data.ImportRow)
}

var platformCases = map[string]platformCase{
	// Youzan: one row per order; phones tab-prefixed; 分销员 twice; a full refund.
	"youzan orders": {header: "youzan_orders_2026.header.csv", platform: data.PlatformYouzan,
		rows: []map[string]string{
			{"订单号": "E20260619162958003500007", "订单创建时间": "2026-06-19 16:29:59", "买家付款时间": "2026-06-19 16:30:10",
				"订单状态": "交易成功", "订单实付金额": "128.50", "订单已退款金额": "0", "全部商品名称": "运费(1);蓝莓蛋糕(1件)",
				"买家手机号": "\t13800000001", "买家昵称": "晴天", "收货人/提货人": "王芳", "收货人手机号/提货人手机号": "\t13900000009",
				"分销员": "——", "支付流水号": "\t2606191629592622110964", "收货人省份": "广东省", "收货人城市": "湛江市"},
			{"订单号": "E20260620100000003500008", "订单创建时间": "2026-06-20 10:00:00", "买家付款时间": "2026-06-20 10:01:00",
				"订单状态": "交易成功", "订单实付金额": "60.00", "订单已退款金额": "60.00", "订单退款状态": "退款成功（全额退款）",
				"全部商品名称": "曲奇(2件)", "买家手机号": "\t13800000001", "买家昵称": "晴天"},
			{"订单号": "E20260621100000003500009", "订单创建时间": "2026-06-21 10:00:00", "买家付款时间": "2026-06-21 10:01:00",
				"订单状态": "交易成功", "订单实付金额": "40.00", "订单已退款金额": "10.00", "全部商品名称": "面包(1件)",
				"买家手机号": "\t13800000001"},
			{"订单号": "E20260622100000003500010", "订单创建时间": "2026-06-22 10:00:00", "订单状态": "已关闭",
				"订单实付金额": "0", "全部商品名称": "面包(1件)", "买家手机号": "\t13800000002"},
		},
		orders: map[string]order{
			"E20260619162958003500007": {amount: 12850, qty: 1, day: "2026-06-19"},
			"E20260620100000003500008": {amount: 6000, refund: 6000, qty: 1, day: "2026-06-20"},
			"E20260621100000003500009": {amount: 4000, refund: 1000, qty: 1, day: "2026-06-21"},
			"E20260622100000003500010": {qty: 1, day: "2026-06-22"},
		},
		customers: map[string]stat{"13800000001": {2, 15850}, "13800000002": {0, 0}},
		check: func(t *testing.T, rows []*data.ImportRow) {
			c, tr := rows[0].Customer, rows[0].Trade
			if c.Province != "广东省" || c.City != "湛江市" || tr.ShipPhone != "13900000009" || tr.ShipName != "王芳" {
				t.Errorf("youzan: province %q city %q, recipient %q %q", c.Province, c.City, tr.ShipName, tr.ShipPhone)
			}
			if tr.Extra["分销员"] != "" && tr.Extra["分销员(2)"] == "" {
				t.Errorf("youzan: the second 分销员 column is lost: %v", tr.Extra)
			}
			if tr.Extra["支付流水号"] != "2606191629592622110964" {
				t.Errorf("youzan: 支付流水号 %q, want the 22 digits as text", tr.Extra["支付流水号"])
			}
		}},
	// Youzan's customer export: a trailing comma on every line; names often empty.
	"youzan customers": {header: "youzan_customers_2026.header.csv", platform: data.PlatformYouzan,
		rows: []map[string]string{
			{"客户姓名": "", "客户昵称": "匿名用户", "客户手机号": "13700000001", "客户性别": "女", "标签": "母亲节-母亲节，饼干-面包",
				"成为客户时间": "2023-09-21 21:09:16", "客户生日": "1990-01-01"},
			{"客户姓名": "用户_1134634", "客户昵称": "匿名用户", "客户手机号": "13700000002", "客户性别": "男"},
		},
		customers: map[string]stat{"13700000001": {}, "13700000002": {}}},
	// Youzan's 2022 item export: one row per goods line, item money summed.
	"youzan items": {header: "youzan_order_items_2022.header.csv", platform: data.PlatformYouzan,
		rows: []map[string]string{
			{"订单号": "E20220101000000000000001", "交易成功时间": "2022-01-01 12:00:00", "商品名称": "蛋糕", "商品数量": "1",
				"商品实际成交金额": "20.00", "商品已退款金额": "0", "收货人/提货人": "李雷", "收货人手机号/提货人手机号": "\t13999999999"},
			{"订单号": "E20220101000000000000001", "交易成功时间": "2022-01-01 12:00:00", "商品名称": "饼干", "商品数量": "2",
				"商品实际成交金额": "30.00", "商品已退款金额": "10.00", "收货人/提货人": "李雷", "收货人手机号/提货人手机号": "\t13999999999"},
		},
		orders:    map[string]order{"E20220101000000000000001": {amount: 5000, refund: 1000, qty: 3, day: "2022-01-01"}},
		customers: map[string]stat{"13999999999": {1, 4000}}},
	// Pinduoduo: no buyer; " 用户购买手机号" (leading space) is not the buyer's phone.
	"pinduoduo": {header: "pdd_order_2023.header.csv", platform: data.PlatformPDD,
		rows: []map[string]string{
			{"订单号": "260517-607198974342268", "商品": "纸巾", "商品数量(件)": "2", "支付时间": "2026-05-17 10:00:00",
				"订单成交时间": "2026-05-17 09:59:00", "用户实付金额(元)": "39.90", "商品总价(元)": "45.00", "订单状态": "已发货，待收货",
				"售后状态": "无售后或售后取消", " 用户购买手机号": "13800000000", "省": "浙江省", "市": "杭州市"},
		},
		orders: map[string]order{"260517-607198974342268": {amount: 3990, qty: 2, day: "2026-05-17"}},
		check: func(t *testing.T, rows []*data.ImportRow) {
			if rows[0].Customer.Phone != "" || rows[0].Trade.Goods != "纸巾" {
				t.Errorf("pdd: phone %q goods %q; the 用户购买手机号 is not the buyer's", rows[0].Customer.Phone, rows[0].Trade.Goods)
			}
		}},
	// Douyin: sub-order rows; 订单应付金额 repeated on each; tab-prefixed 19-digit ids; masked receiver.
	"douyin": {header: "douyin_doudian_order.header.csv", platform: data.PlatformDouyin,
		rows: []map[string]string{
			{"主订单编号": "\t6937000000000000001", "子订单编号": "\t6937000000000000002", "选购商品": "洗面奶", "商品数量": "1",
				"商品单价": "59.00", "订单应付金额": "99.00", "支付完成时间": "2026-03-01 10:00:00", "订单提交时间": "2026-03-01 09:59:00",
				"收件人": "生***", "收件人手机号": "1********35", "订单状态": "已完成"},
			{"主订单编号": "\t6937000000000000001", "子订单编号": "\t6937000000000000003", "选购商品": "面霜", "商品数量": "2",
				"商品单价": "20.00", "订单应付金额": "99.00", "支付完成时间": "2026-03-01 10:00:00", "订单提交时间": "2026-03-01 09:59:00",
				"收件人": "生***", "收件人手机号": "1********35", "订单状态": "已完成"},
		},
		orders: map[string]order{"6937000000000000001": {amount: 9900, qty: 3, day: "2026-03-01"}}},
	// Kuaishou: one row per order, 16-digit ids.
	"kuaishou": {header: "kuaishou_order.header.csv", platform: data.PlatformKuaishou,
		rows: []map[string]string{
			{"订单号": "2601234567890123", "订单创建时间": "2026-04-01 08:00:00", "订单支付时间": "2026-04-01 08:01:00",
				"订单状态": "交易成功", "实付款": "58.00", "成交数量": "1", "商品名称": "茶叶", "收货人姓名": "王**", "收货人电话": "138****0000"},
		},
		orders: map[string]order{"2601234567890123": {amount: 5800, qty: 1, day: "2026-04-01"}}},
	// WeChat 小店: product-line rows; the order's paid amount repeated, refunds per line.
	"wechat": {header: "weixin_xiaodian_order.header.csv", platform: data.PlatformWeChat,
		rows: []map[string]string{
			{"订单号": "3720000000000000001", "订单下单时间": "2026-02-01 12:00:00", "支付时间": "2026-02-01 12:00:30",
				"订单状态": "已完成", "订单实际支付金额": "120.00", "商品名称": "围巾", "商品数量": "1", "商品已退款金额": "0",
				"收件人姓名": "张三", "收件人手机": "13800000005"},
			{"订单号": "3720000000000000001", "订单下单时间": "2026-02-01 12:00:00", "支付时间": "2026-02-01 12:00:30",
				"订单状态": "已完成", "订单实际支付金额": "120.00", "商品名称": "手套", "商品数量": "1", "商品已退款金额": "20.00",
				"收件人姓名": "张三", "收件人手机": "13800000005"},
		},
		orders: map[string]order{"3720000000000000001": {amount: 12000, refund: 2000, qty: 2, day: "2026-02-01"}}},
	// Xiaohongshu: line rows; 用户编号 names the buyer.
	"xiaohongshu": {header: "xiaohongshu_order.header.csv", platform: data.PlatformXiaohongshu,
		rows: []map[string]string{
			{"订单号": "P802335189951019482", "用户编号": "u5f1a", "商品名称": "口红", "SKU件数": "1", "用户应付金额(元)": "30.00",
				"支付时间": "2026-01-10 20:00:00", "订单状态": "已完成", "收件人姓名": "李**"},
			{"订单号": "P802335189951019482", "用户编号": "u5f1a", "商品名称": "眼影", "SKU件数": "1", "用户应付金额(元)": "20.00",
				"支付时间": "2026-01-10 20:00:00", "订单状态": "已完成", "收件人姓名": "李**"},
			{"订单号": "P802335189951019483", "用户编号": "u5f1a", "商品名称": "面膜", "SKU件数": "3", "用户应付金额(元)": "15.00",
				"支付时间": "2026-01-12 20:00:00", "订单状态": "已完成"},
		},
		orders: map[string]order{
			"P802335189951019482": {amount: 5000, qty: 2, day: "2026-01-10"},
			"P802335189951019483": {amount: 1500, qty: 3, day: "2026-01-12"},
		},
		customers: map[string]stat{"u5f1a": {2, 6500}}},
	// 1688: goods-line rows with the order's 实付款 on each; 买家会员名 is the buyer.
	"1688": {header: "1688_order_49col.header.csv", platform: data.Platform1688,
		rows: []map[string]string{
			{"订单编号": "2345678901234567890", "买家会员名": "b2b_buyer", "买家公司名": "某某贸易有限公司", "卖家会员名": "our_shop",
				"实付款(元)": "300.00", "订单创建时间": "2026-03-05 09:00:00", "订单付款时间": "2026-03-05 09:10:00",
				"货品标题": "纸箱", "单价(元)": "1.00", "数量": "200", "订单状态": "交易成功"},
			{"订单编号": "2345678901234567890", "买家会员名": "b2b_buyer", "买家公司名": "某某贸易有限公司", "卖家会员名": "our_shop",
				"实付款(元)": "300.00", "订单创建时间": "2026-03-05 09:00:00", "订单付款时间": "2026-03-05 09:10:00",
				"货品标题": "胶带", "单价(元)": "1.00", "数量": "100", "订单状态": "交易成功"},
		},
		orders:    map[string]order{"2345678901234567890": {amount: 30000, qty: 300, day: "2026-03-05"}},
		customers: map[string]stat{"b2b_buyer": {1, 30000}}},
	// 千牛 订单报表 2026: no buyer; 19-digit ids as text; masked address; no pay time column.
	"qianniu orders": {header: "taobao_qianniu_order_2026_21col.header.csv", platform: data.PlatformTaobao,
		rows: []map[string]string{
			{"订单编号": "3304375611452180770", "支付单号": "2026053122001100000000000001", "买家实付金额": "88.00",
				"总金额": "98.00", "订单状态": "交易成功", "收货地址": "江苏省 南京市 鼓楼区 湖南路街道****",
				"订单创建时间": "2026-05-31 14:16:18", "商品标题": "帆布包，钥匙扣", "宝贝总数量": "2"},
		},
		orders: map[string]order{"3304375611452180770": {amount: 8800, qty: 2, day: "2026-05-31"}}},
	// 千牛 宝贝报表: line rows of one 主订单编号; 退款金额 "无退款申请" is 0.
	"qianniu items": {header: "taobao_qianniu_baobei_2024plus.header.csv", platform: data.PlatformTaobao,
		rows: []map[string]string{
			{"子订单编号": "3304375611452199951", "主订单编号": "3304375611452199950", "商品标题": "T恤", "商品价格": "50.00",
				"购买数量": "1", "买家实付金额": "50.00", "退款状态": "没有申请退款", "退款金额": "无退款申请",
				"订单创建时间": "2026-06-10 22:00:00", "订单付款时间": "2026-06-10 22:01:00", "订单状态": "交易成功"},
			{"子订单编号": "3304375611452199952", "主订单编号": "3304375611452199950", "商品标题": "短裤", "商品价格": "30.00",
				"购买数量": "1", "买家实付金额": "30.00", "退款状态": "退款成功", "退款金额": "30.00",
				"订单创建时间": "2026-06-10 22:00:00", "订单付款时间": "2026-06-10 22:01:00", "订单状态": "交易成功"},
		},
		orders: map[string]order{"3304375611452199950": {amount: 8000, refund: 3000, qty: 2, day: "2026-06-10"}}},
	// Legacy Taobao order list: ="…" order numbers, ' phones, trailing spaces in headers,
	// an address that starts with its province and city.
	"taobao legacy": {header: "taobao_ExportOrderList_legacy_pre2021.header.csv", platform: data.PlatformTaobao,
		rows: []map[string]string{
			{"订单编号": `="3304375611452199951"`, "买家会员名": "tb_buyer", "买家实际支付金额": "99.00", "订单状态": "交易成功",
				"收货人姓名": "赵六", "收货地址 ": "广东省 湛江市 赤坎区 某路1号", "联系手机": "'13800000004",
				"订单创建时间": "2016/5/23 21:50", "订单付款时间 ": "2016/5/23 22:02", "宝贝标题 ": "茶杯", "宝贝总数量": "1", "退款金额": "0"},
		},
		orders:    map[string]order{"3304375611452199951": {amount: 9900, qty: 1, day: "2016-05-23"}},
		customers: map[string]stat{"tb_buyer": {1, 9900}},
		check: func(t *testing.T, rows []*data.ImportRow) {
			if c := rows[0].Customer; c.Phone != "13800000004" || c.Province != "广东省" || c.City != "湛江市" {
				t.Errorf("taobao legacy: phone %q, province %q, city %q", c.Phone, c.Province, c.City)
			}
		}},
	// Legacy Taobao detail list: price × quantity per line, no buyer.
	"taobao legacy items": {header: "taobao_ExportOrderDetailList_legacy.header.csv", platform: data.PlatformTaobao,
		rows: []map[string]string{
			{"订单编号": "1373590000000001", "标题": "茶杯", "价格": "12.50", "购买数量": "2", "订单状态": "交易成功"},
			{"订单编号": "1373590000000001", "标题": "茶壶", "价格": "30.00", "购买数量": "1", "订单状态": "交易成功"},
		},
		check: func(t *testing.T, rows []*data.ImportRow) {
			if len(rows) != 1 || rows[0].Trade.AmountFen != 5500 || rows[0].Trade.Quantity != 3 {
				t.Errorf("taobao detail: got %d rows, first %+v", len(rows), rows[0].Trade)
			}
		}},
	// JD POP: SKU-line rows with the order's 应付金额 repeated; 下单帐号 is the buyer.
	"jd": {header: "jd_pop_order_legacy_2015_2019.header.csv", platform: data.PlatformJD,
		rows: []map[string]string{
			{"订单号": "\t80000000001", "商品ID": "1001", "商品名称": "鼠标", "订购数量": "1", "下单时间": "2019-03-01 10:00:00",
				"京东价": "120.00", "订单金额": "200.00", "应付金额": "200.00", "订单状态": "完成", "下单帐号": "jd_pin_1",
				"客户姓名": "张三", "联系电话": "13600000001", "付款确认时间": "2019-03-01 10:05:00"},
			{"订单号": "\t80000000001", "商品ID": "1002", "商品名称": "键盘", "订购数量": "1", "下单时间": "2019-03-01 10:00:00",
				"京东价": "80.00", "订单金额": "200.00", "应付金额": "200.00", "订单状态": "完成", "下单帐号": "jd_pin_1",
				"客户姓名": "张三", "联系电话": "13600000001", "付款确认时间": "2019-03-01 10:05:00"},
		},
		orders:    map[string]order{"80000000001": {amount: 20000, qty: 2, day: "2019-03-01"}},
		customers: map[string]stat{"jd_pin_1": {1, 20000}}},
	// Shopee: SKU-line rows with Grand Total repeated; a cancelled order; PHP headers.
	"shopee": {header: "shopee_ph_order.header.csv", platform: data.PlatformShopee,
		rows: []map[string]string{
			{"Order ID": "260212ABCD1234", "Order Status": "Completed", "Order Creation Date": "2026-02-12 10:30",
				"Order Paid Time": "2026-02-12 10:31", "Product Name": "Phone case", "Quantity": "1", "Deal Price": "200.00",
				"Products' Price Paid by Buyer (PHP)": "450.00", "Grand Total": "500.00", "Username (Buyer)": "buyer.one",
				"Receiver Name": "J****", "Phone Number": "******1234"},
			{"Order ID": "260212ABCD1234", "Order Status": "Completed", "Order Creation Date": "2026-02-12 10:30",
				"Order Paid Time": "2026-02-12 10:31", "Product Name": "Screen film", "Quantity": "2", "Deal Price": "125.00",
				"Products' Price Paid by Buyer (PHP)": "450.00", "Grand Total": "500.00", "Username (Buyer)": "buyer.one"},
			{"Order ID": "260301EFGH5678", "Order Status": "Completed", "Order Creation Date": "2026-03-01 08:00",
				"Order Paid Time": "2026-03-01 08:05", "Product Name": "Charger", "Quantity": "1",
				"Grand Total": "120.00", "Username (Buyer)": "buyer.one"},
			{"Order ID": "260302IJKL9012", "Order Status": "Cancelled", "Order Creation Date": "2026-03-02 08:00",
				"Product Name": "Cable", "Quantity": "1", "Grand Total": "75.50", "Username (Buyer)": "buyer.two"},
		},
		orders: map[string]order{
			"260212ABCD1234": {amount: 50000, qty: 3, day: "2026-02-12"},
			"260301EFGH5678": {amount: 12000, qty: 1, day: "2026-03-01"},
			"260302IJKL9012": {amount: 7550, qty: 1, day: "2026-03-02"},
		},
		customers: map[string]stat{"buyer.one": {2, 62000}, "buyer.two": {0, 0}}},
	// Lazada: item rows, paidPrice per item, dd MMM yyyy dates, buyer by email.
	"lazada": {header: "lazada_order_2022.header.csv", platform: data.PlatformLazada,
		rows: []map[string]string{
			{"orderItemId": "1001", "orderNumber": "400000000000001", "createTime": "04 Jul 2022 11:46", "customerName": "Ana Cruz",
				"customerEmail": "ana@example.com", "paidPrice": "100.00", "unitPrice": "100.00", "itemName": "Lamp", "status": "delivered",
				"shippingName": "Ana Cruz", "billingName": "Ana Cruz"},
			{"orderItemId": "1002", "orderNumber": "400000000000001", "createTime": "04 Jul 2022 11:46", "customerName": "Ana Cruz",
				"customerEmail": "ana@example.com", "paidPrice": "50.00", "unitPrice": "50.00", "itemName": "Bulb", "status": "delivered"},
		},
		orders:    map[string]order{"400000000000001": {amount: 15000, qty: 2, day: "2022-07-04"}},
		customers: map[string]stat{"ana@example.com": {1, 15000}}},
	// TikTok Shop: row 2 describes the columns; DD/MM/YYYY dates (25/01 decides the
	// column); Order Amount repeated on SKU rows; a refunded order; "\t" for empty.
	"tiktok": {header: "tiktok_shop_order.header.csv", platform: data.PlatformTikTok,
		rows: []map[string]string{
			{"Order ID": "Platform unique order ID.", "Quantity": "SKU sold quantity.", "Order Amount": "Total order amount.",
				"Created Time": "Order created time.", "Paid Time": "Order paid time.", "Buyer Username": "Buyer's username.",
				"Order Refund Amount": "Refund amount of the order."},
			{"Order ID": "576000000000000001", "Order Status": "Completed", "Product Name": "Hat", "Quantity": "1",
				"Order Amount": "35.91", "Order Refund Amount": "\t", "Created Time": "12/02/2026 10:00:00",
				"Paid Time": "12/02/2026 10:01:00", "Buyer Username": "tt_buyer", "Recipient": "T** B**"},
			{"Order ID": "576000000000000001", "Order Status": "Completed", "Product Name": "Scarf", "Quantity": "2",
				"Order Amount": "35.91", "Order Refund Amount": "\t", "Created Time": "12/02/2026 10:00:00",
				"Paid Time": "12/02/2026 10:01:00", "Buyer Username": "tt_buyer"},
			{"Order ID": "576000000000000002", "Order Status": "Completed", "Cancelation/Return Type": "Return/Refund",
				"Product Name": "Gloves", "Quantity": "1", "Order Amount": "20.00", "Order Refund Amount": "20.00",
				"Created Time": "25/01/2026 09:00:00", "Paid Time": "25/01/2026 09:01:00", "Buyer Username": "tt_buyer"},
		},
		orders: map[string]order{
			"576000000000000001": {amount: 3591, qty: 3, day: "2026-02-12"},
			"576000000000000002": {amount: 2000, refund: 2000, qty: 1, day: "2026-01-25"},
		},
		customers: map[string]stat{"tt_buyer": {1, 3591}}},
	// Shopify customers: apostrophe-prefixed ids and phones.
	"shopify customers": {header: "shopify_customers_export.header.csv", platform: data.PlatformShopify,
		rows: []map[string]string{
			{"Customer ID": "'8509270720648", "First Name": "Priya", "Last Name": "Shah", "Email": "priya@example.com",
				"Phone": "'+8613800000003", "Total Spent": "120.00", "Total Orders": "2"},
		},
		customers: map[string]stat{"8509270720648": {}},
		check: func(t *testing.T, rows []*data.ImportRow) {
			if c := rows[0].Customer; c.Nick != "8509270720648" || c.Phone != "13800000003" || c.Name != "Priya Shah" {
				t.Errorf("shopify customer: %q %q %q", c.Nick, c.Phone, c.Name)
			}
		}},
	// Shopify orders: order-level fields on the first line only.
	"shopify orders": {header: "shopify_orders_export_1.header.csv", platform: data.PlatformShopify,
		rows: []map[string]string{
			{"Name": "#1001", "Email": "kim@example.com", "Financial Status": "paid", "Paid at": "2025-12-07 19:08:25 +0000",
				"Currency": "USD", "Total": "50.00", "Created at": "2025-12-07 19:08:00 +0000", "Lineitem quantity": "1",
				"Lineitem name": "Mug", "Lineitem price": "20.00", "Billing Name": "Kim Lee"},
			{"Name": "#1001", "Email": "kim@example.com", "Created at": "2025-12-07 19:08:00 +0000", "Lineitem quantity": "2",
				"Lineitem name": "Plate", "Lineitem price": "15.00"},
		},
		orders:    map[string]order{"#1001": {amount: 5000, qty: 3, day: "2025-12-08"}},
		customers: map[string]stat{"kim@example.com": {1, 5000}}},
	// WooCommerce Analytics: customers by username, orders by the customer's name.
	"woocommerce customers": {header: "woocommerce_analytics_customers.header.csv", platform: data.PlatformWooCommerce,
		rows: []map[string]string{
			{"Name": "Ann Lee", "Username": "annlee", "Email": "ann@example.com", "Orders": "3", "Total Spend": "$120.00",
				"City": "Leeds", "Region": "West Yorkshire"},
		},
		customers: map[string]stat{"annlee": {}}},
	"woocommerce orders": {header: "woocommerce_analytics_orders.header.csv", platform: data.PlatformWooCommerce,
		rows: []map[string]string{
			{"Date": "2026-01-05 10:00:00", "Order #": "1234", "N. Revenue (formatted)": "$45.00", "Status": "Completed",
				"Customer": "Ann Lee", "Customer type": "returning", "Product(s)": "2× Hoodie, 1× Cap", "Items sold": "3", "Net Sales": "40.00"},
		},
		orders: map[string]order{"1234": {amount: 4500, qty: 3, day: "2026-01-05"}}},
}

// Every PLATFORMS.md layout is recognised as it comes: its platform set, its orders
// read with their numbers, money (order-level money once, item money summed), times
// and goods, as worked out by hand from the rows.
func TestPlatformLayoutsReadAsTheyCome(t *testing.T) {
	for name, c := range platformCases {
		t.Run(name, func(t *testing.T) {
			path := platformFile(t, c.header, c.rows)
			p, rows, issues := readOrders(t, path)
			if p != c.platform {
				t.Errorf("platform %q, want %q", p, c.platform)
			}
			described := 0
			for _, is := range issues {
				if is.Reason != data.IssueDescriptionRow || name != "tiktok" || is.Row != 2 {
					t.Errorf("problem: %+v", is)
				}
				described++
			}
			if name == "tiktok" && described != 1 {
				t.Errorf("TikTok's description row is not listed as one")
			}
			got := map[string]order{}
			for _, r := range rows {
				if r.Customer.Platform != c.platform {
					t.Errorf("row %d: platform %q", r.Row, r.Customer.Platform)
				}
				if tr := r.Trade; tr != nil {
					got[tr.OrderNo] = order{tr.AmountFen, tr.RefundFen, tr.Quantity, tr.TradedAt.In(cst).Format("2006-01-02")}
				}
			}
			for no, want := range c.orders {
				if got[no] != want {
					t.Errorf("order %s: got %+v, want %+v", no, got[no], want)
				}
			}
			if c.orders != nil && len(got) != len(c.orders) {
				t.Errorf("got orders %v, want %d", got, len(c.orders))
			}
			if c.check != nil && len(rows) > 0 {
				c.check(t, rows)
			}
		})
	}
}

// Every layout that names its buyer imports into per-customer trade counts and
// totals worked out by hand from the rows (PRODUCT.md's counting rule).
func TestPlatformLayoutsImportPerCustomerFigures(t *testing.T) {
	for name, c := range platformCases {
		if c.customers == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			s := newStore(t)
			res := importFile(t, s, platformFile(t, c.header, c.rows), Options{})
			if res.Rejected != 0 {
				t.Errorf("rejected %d rows: %+v", res.Rejected, res.Issues)
			}
			got := map[string]stat{}
			err := s.EachCustomer(context.Background(), data.CustomerFilter{}, func(cu *data.Customer) error {
				if cu.Platform != c.platform {
					t.Errorf("customer %q: platform %q, want %q", cu.Nick, cu.Platform, c.platform)
				}
				key := cu.Nick
				if _, ok := c.customers[key]; !ok {
					key = cu.Phone
				}
				got[key] = stat{cu.Stats.TradeCount, cu.Stats.TotalFen}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(c.customers) {
				t.Errorf("got customers %v, want %v", got, c.customers)
			}
			for k, want := range c.customers {
				if got[k] != want {
					t.Errorf("customer %s: got %+v, want %+v", k, got[k], want)
				}
			}
		})
	}
}

// Dates are read for the whole column: in a sheet whose dates are day first (one
// value above 12 in the first place says so) "12/02/2026" is 12 February; a trade
// dated after the file was written is a row problem, never a trade.
func TestDayMonthOrderIsTheColumnsAndFutureTradesAreProblems(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "orders.csv")
	body := "顾客网名,交易日期,成交价格\n" +
		"阿花,12/02/2026,10\n" +
		"阿草,03/04/2026,20\n" +
		"阿木,25/01/2026,30\n" +
		"阿水,30/12/2026,40\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	written := time.Date(2026, 6, 1, 12, 0, 0, 0, cst)
	if err := os.Chtimes(path, written, written); err != nil {
		t.Fatal(err)
	}
	s := newStore(t)
	res := importFile(t, s, path, Options{})
	for nick, day := range map[string]string{"阿花": "2026-02-12", "阿草": "2026-04-03", "阿木": "2026-01-25"} {
		c := customer(t, s, data.PlatformTaobao, nick)
		if got := c.Stats.LastTrade.In(cst).Format("2006-01-02"); got != day {
			t.Errorf("%s: traded %s, want %s", nick, got, day)
		}
	}
	if c := customer(t, s, data.PlatformTaobao, "阿水"); c.Stats.TradeCount != 0 {
		t.Errorf("a trade dated after the file counts: %+v", c.Stats)
	}
	found := false
	for _, is := range res.Issues {
		found = found || is.Row == 5 && is.Reason == data.IssueAfterFile && is.Column == "交易日期"
	}
	if !found {
		t.Errorf("no problem for the trade dated after the file: %+v", res.Issues)
	}
	wantOutcomes(t, res, data.Outcome{Kind: data.OutcomeRejected, Reason: data.IssueAfterFile, Rows: 1, Orders: 1})
}

// Every real export header in platform-headers is recognised as its platform's.
func TestEveryRealExportHeaderIsRecognised(t *testing.T) {
	want := map[string]data.Platform{
		"1688_order_49col": data.Platform1688, "douyin_doudian_aftersale": data.PlatformDouyin,
		"douyin_doudian_order": data.PlatformDouyin, "jd_pop_order_legacy_2015_2019": data.PlatformJD,
		"kuaishou_order": data.PlatformKuaishou, "lazada_order_2022": data.PlatformLazada, "pdd_order_2023": data.PlatformPDD,
		"shopee_ph_order": data.PlatformShopee, "shopify_customers_export": data.PlatformShopify,
		"shopify_orders_export_1": data.PlatformShopify, "taobao_ExportOrderDetailList_legacy": data.PlatformTaobao,
		"taobao_ExportOrderList_legacy_pre2021": data.PlatformTaobao, "taobao_qianniu_baobei_2024plus": data.PlatformTaobao,
		"taobao_qianniu_order_2026_21col": data.PlatformTaobao, "tiktok_shop_order": data.PlatformTikTok,
		"weixin_xiaodian_order": data.PlatformWeChat, "woocommerce_analytics_customers": data.PlatformWooCommerce,
		"woocommerce_analytics_orders": data.PlatformWooCommerce, "xiaohongshu_order": data.PlatformXiaohongshu,
		"youzan_customers_2026": data.PlatformYouzan, "youzan_order_items_2022": data.PlatformYouzan,
		"youzan_orders_2026": data.PlatformYouzan,
	}
	files, err := filepath.Glob(filepath.Join(realFile(t, "platform-headers"), "*.header.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no header files: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".header.csv")
		p, ok := want[name]
		if !ok {
			t.Errorf("%s: a header file this test does not know", name)
			continue
		}
		path := platformFile(t, filepath.Base(f), nil)
		preview, err := PreviewFile(path, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if preview.Platform != p {
			t.Errorf("%s: platform %q, want %q", name, preview.Platform, p)
		}
		if preview.Mapping.HeaderRow != 1 {
			t.Errorf("%s: header found on row %d", name, preview.Mapping.HeaderRow)
		}
	}
}

// The real 2012 Taobao export has no province or city columns: they are read from the
// start of 收货地址 ("广东省 湛江市 中山路…").
func TestTaobaoAddressGivesProvinceAndCity(t *testing.T) {
	s := newStore(t)
	importFile(t, s, realFile(t, "taobao/orderlist_201205241917154337.csv"), Options{})
	for nick, city := range map[string]string{"闫韵434": "东莞市", "tb_73067111": "湛江市"} {
		if c := customer(t, s, data.PlatformTaobao, nick); c.Province != "广东省" || c.City != city {
			t.Errorf("%s: province %q city %q, want 广东省 %s", nick, c.Province, c.City, city)
		}
	}
}

// A platform's customer export (Youzan's) is not the seller's own customer sheet: the
// archive's export keeps the seller's columns though the platform's file came last.
func TestExportLayoutKeepsTheSellersSheetOverAPlatformCustomerExport(t *testing.T) {
	s := newStore(t)
	importFile(t, s, realFile(t, "messy/customer_archive_300rows.xlsx"), Options{})
	c := platformCases["youzan customers"]
	importFile(t, s, platformFile(t, c.header, c.rows), Options{})
	got, _ := exportHeaders(t, s)
	if strings.Join(got[:3], ",") != "姓名,性别,车牌" {
		t.Errorf("customers sheet starts %v, want the seller's archive (姓名, 性别, 车牌, …)", got)
	}
}
