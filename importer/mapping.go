package importer

import (
	"crypto/sha1"
	"encoding/hex"
	"strconv"
	"strings"

	"shopcrm/data"
	"shopcrm/importer/clean"
	"shopcrm/importer/field"
)

// synonyms lists, per field, the header names sellers' sheets use, best first: when
// two columns map to one field the earlier synonym wins and the other column is kept
// as an extra field. Names are compared after clean.Header (trimmed, lower-case,
// half-width, no spaces), so "收货地址 " and "Customer ID" match.
var synonyms = []struct {
	key   field.Key
	names []string
}{
	{field.Platform, []string{"平台", "platform", "来源平台"}},
	{field.Nick, []string{"顾客网名", "买家会员名", "买家昵称", "会员名", "旺旺", "旺旺名", "客户网名", "用户名", "昵称", "网名", "买家账号", "customerid", "customer id", "customer_id"}},
	{field.Name, []string{"真实姓名", "姓名", "客户姓名", "收货人姓名", "收货人", "联系人", "billingname", "shippingname", "name"}},
	{field.FirstName, []string{"firstname"}},
	{field.LastName, []string{"lastname"}},
	{field.Gender, []string{"性别", "gender", "sex"}},
	{field.Birthday, []string{"生日", "出生日期", "公历生日", "birthday", "dateofbirth"}},
	{field.LunarBirthday, []string{"农历生日", "阴历生日"}},
	{field.Phone, []string{"联系手机", "手机号码", "手机号", "手机", "联系电话", "电话", "电话号码", "billingphone", "phone", "shippingphone", "mobile"}},
	{field.Email, []string{"电子邮箱", "邮箱", "email", "e-mail", "电子邮件"}},
	{field.WeChat, []string{"微信", "微信号"}},
	{field.Wangwang, []string{"旺旺号", "旺旺id"}},
	{field.QQ, []string{"qq", "qq号"}},
	{field.Province, []string{"省份", "省", "收货省份", "province", "billingprovince", "shippingprovince"}},
	{field.City, []string{"城市", "市", "收货城市", "city", "billingcity", "shippingcity"}},
	{field.Address, []string{"收货地址", "地址", "详细地址", "address1", "shippingaddress1", "billingaddress1", "shippingstreet", "billingstreet", "address"}},
	{field.Source, []string{"客户来源", "来源"}},
	{field.Tags, []string{"标签", "tags", "客户标签"}},
	{field.Note, []string{"客户备注", "备注", "note", "notes"}},
	{field.OptOut, []string{"不接收营销"}},

	{field.OrderNo, []string{"订单编号", "订单号", "交易号", "订单id", "invoiceno", "invoice", "ordernumber", "orderid"}},
	{field.PaidAt, []string{"订单付款时间", "付款时间", "支付时间", "paidat"}},
	{field.CreatedAt, []string{"订单创建时间", "下单时间", "创建时间", "createdat"}},
	{field.TradedAt, []string{"交易日期", "交易时间", "成交时间", "日期", "invoicedate", "orderdate"}},
	{field.Goods, []string{"购买商品", "宝贝标题", "商品名称", "商品", "标题", "商品标题", "宝贝名称", "lineitemname", "description"}},
	{field.Quantity, []string{"数量", "宝贝总数量", "购买数量", "商品数量", "lineitemquantity", "quantity"}},
	{field.UnitPrice, []string{"单价", "价格", "unitprice", "price", "lineitemprice"}},
	{field.Amount, []string{"成交价格", "买家实际支付金额", "实付金额", "实付款", "total", "总金额", "订单金额", "金额", "应付金额"}},
	{field.Refund, []string{"退款金额", "refundedamount"}},
	{field.Status, []string{"订单状态", "交易状态", "状态", "financialstatus"}},
	{field.TradeNote, []string{"订单备注", "交易备注", "买家留言"}},
	{field.ShipName, []string{"收件人", "收货人"}},
	{field.ShipPhone, []string{"收件电话", "收货电话"}},
	{field.ShipAddress, []string{"收件地址"}},
	{field.Currency, []string{"currency", "币种", "货币"}},
}

// synonymIndex maps a normalized header to its field and its rank among that field's
// names (lower is better).
var synonymIndex = func() map[string]struct {
	key  field.Key
	rank int
} {
	m := map[string]struct {
		key  field.Key
		rank int
	}{}
	for _, s := range synonyms {
		for i, n := range s.names {
			h := clean.Header(n)
			if _, taken := m[h]; !taken {
				m[h] = struct {
					key  field.Key
					rank int
				}{s.key, i}
			}
		}
	}
	return m
}()

// derivedHeaders are the read-only statistics columns of ShopCRM's own export: they
// are computed from trades, so re-importing them would double count.
var derivedHeaders = map[string]bool{"交易次数": true, "累计金额": true, "最近交易": true, "首次交易": true, "分组": true, "客单价": true}

// Recognize returns the field a header names, if any.
func Recognize(header string) (field.Key, bool) {
	s, ok := synonymIndex[headerKey(header)]
	return s.key, ok
}

// Mapping says which field each column of a sheet holds.
type Mapping struct {
	HeaderRow int         // the header's row number in the sheet (1-based)
	Headers   []string    // the header cells as the sheet has them
	Fields    []field.Key // one per column: a field, field.Extra(header), or field.Ignore
	// Fallbacks are further columns naming a contact field (phone, name, ...), read
	// when the mapped column is empty in a row: Taobao's 联系手机 is often blank where
	// 联系电话 is filled. They stay extra fields too, so nothing is lost on export.
	Fallbacks map[field.Key][]int
	// Archive: the columns were mapped by the hidden column map of a ShopCRM export,
	// which no remembered mapping overrides.
	Archive bool
	// Currency is the currency the headers name ("Grand Total (PHP)"), or "".
	Currency data.Currency

	layout   *platformLayout // the platform export the header is, or nil
	dayFirst map[int]bool    // date columns written day first (see decideDayOrder)
}

// fallbackFields may be filled from a second column that names them.
var fallbackFields = map[field.Key]bool{field.Phone: true, field.Name: true, field.Email: true, field.Address: true}

// Signature identifies a header row, so a mapping the seller corrected is remembered
// for the next sheet with the same header.
func (m *Mapping) Signature() string {
	var norm []string
	for _, h := range m.Headers {
		norm = append(norm, clean.Header(h))
	}
	sum := sha1.Sum([]byte(strings.Join(norm, "\x1f")))
	return hex.EncodeToString(sum[:8])
}

// Has reports whether some column maps to k.
func (m *Mapping) Has(k field.Key) bool {
	for _, f := range m.Fields {
		if f == k {
			return true
		}
	}
	return false
}

// MapHeaders maps each header to a field. A platform export's layout (see
// platformLayouts) names its columns first; the general header names do the rest.
// When several columns name the same field the layout's or the best-ranked synonym
// wins and the others become extra fields; a repeated header keeps each column under
// its own name ("分销员", "分销员(2)"); empty headers are ignored. A currency suffix
// ("Total (USD)", "商品总价(元)") is not part of the name, and says the file's currency.
// Sheet-specific readings are applied: Shopify's order "Name" (#1411) is the order
// number, and a lone Shopify "Email" also identifies the customer.
func MapHeaders(headers []string) *Mapping {
	m := &Mapping{Headers: headers, Fields: make([]field.Key, len(headers)), layout: detectLayout(headers)}
	best := map[field.Key]int{} // field → column
	rank := map[field.Key]int{}
	extras := map[string]int{}
	extra := func(i int) field.Key {
		h := clean.Text(headers[i])
		if extras[h]++; extras[h] > 1 {
			h += "(" + strconv.Itoa(extras[h]) + ")"
		}
		return field.Extra(h)
	}
	for i, h := range headers {
		if clean.Header(h) == "" || derivedHeaders[clean.Header(h)] {
			m.Fields[i] = field.Ignore
			continue
		}
		if _, cur := splitCurrency(h); cur != "" && m.Currency == "" {
			m.Currency = cur
		}
		k, r, ok := m.layout.field(h)
		if ok && k == keepExtra {
			m.Fields[i] = extra(i)
			continue
		}
		if !ok {
			s, found := synonymIndex[headerKey(h)]
			if !found {
				m.Fields[i] = extra(i)
				continue
			}
			k, r = s.key, s.rank
		}
		if j, taken := best[k]; taken {
			loser := i
			if r < rank[k] {
				loser = j
			}
			m.Fields[loser] = extra(loser)
			if fallbackFields[k] {
				if m.Fallbacks == nil {
					m.Fallbacks = map[field.Key][]int{}
				}
				m.Fallbacks[k] = append(m.Fallbacks[k], loser)
			}
			if loser == i {
				continue
			}
		}
		best[k], rank[k] = i, r
		m.Fields[i] = k
	}
	m.applyShopify(headers)
	return m
}

// applyShopify: in a Shopify order export "Name" is the order number (#1411) and the
// buyer's name is "Billing Name".
func (m *Mapping) applyShopify(headers []string) {
	shopifyOrders := false
	for _, h := range headers {
		if n := clean.Header(h); n == "financialstatus" || n == "lineitemname" {
			shopifyOrders = true
		}
	}
	if !shopifyOrders {
		return
	}
	for i, h := range headers {
		if clean.Header(h) == "name" && !m.Has(field.OrderNo) {
			m.Fields[i] = field.OrderNo
		}
	}
	if !m.Has(field.Name) {
		for i, h := range headers {
			if n := clean.Header(h); n == "billingname" || n == "shippingname" {
				m.Fields[i] = field.Name
				break
			}
		}
	}
}

// headerScanRows is how far down a sheet the header row is looked for (title rows,
// merged banners and notes above the header are common).
const headerScanRows = 30

// findHeader picks, among the first rows, a platform export's header row, else the
// one with the most recognised headers (at least two), and returns its index in rows.
func findHeader(rows [][]string) (int, bool) {
	bestRow, bestScore := -1, 1
	for i, r := range rows {
		seen := map[field.Key]bool{}
		for _, c := range r {
			if k, ok := Recognize(c); ok {
				seen[k] = true
			}
		}
		score := len(seen)
		if detectLayout(r) != nil {
			score += 100 // a platform export's own header row
		}
		if score > bestScore {
			bestRow, bestScore = i, score
		}
	}
	return bestRow, bestRow >= 0
}

// orderLevelFields are the money fields read from columns the sheet's platform layout
// repeats on every item row of an order; nil when there are none.
func (m *Mapping) orderLevelFields() map[field.Key]bool {
	var out map[field.Key]bool
	for i, k := range m.Fields {
		if (k == field.Amount || k == field.Refund) && i < len(m.Headers) && m.layout.isOrderLevel(m.Headers[i]) {
			if out == nil {
				out = map[field.Key]bool{}
			}
			out[k] = true
		}
	}
	return out
}
