package importer

import (
	"strings"
	"time"

	"shopcrm/data"
	"shopcrm/importer/clean"
	"shopcrm/importer/export"
	"shopcrm/importer/field"
)

// rowBuilder turns the cells of one sheet row into a data.ImportRow, reporting every
// value it cannot read instead of guessing it.
type rowBuilder struct {
	m        *Mapping
	loc      *time.Location
	platform data.Platform
	// sheet-level facts that decide how a row is read
	hasPayTime, hasAmount, hasNick bool
	// orderSheet: the sheet has order columns, so unknown columns describe the order
	orderSheet bool
	// orderLevel: money fields read from columns the layout repeats on every item row
	// of an order; counted once per order (taken: the orders already counted).
	orderLevel map[field.Key]bool
	taken      map[string]bool
	// regionFromAddress: the sheet has no province or city column, so they are read
	// from the start of the address.
	regionFromAddress bool
	// fileTime is when the file was written: a trade dated after it is a row problem
	// (zero: not known).
	fileTime time.Time
	// currency is the archive's (or, for its first import, the file's): a row whose
	// Currency cell names another is not added to it.
	currency data.Currency
	// calc calculates a formula cell without a cached value (1-based row, 0-based
	// column); nil for a csv. noValue: the current row's mapped cells it could not.
	calc    func(row, col int) (string, error)
	noValue []int
	// dataSeen: a data row was read; rows under the header before it may describe
	// the columns (TikTok's row 2) rather than hold values.
	dataSeen bool
	// sharedNick: the nick column holds a WeChat nickname, a display name buyers
	// share, not an identity (see sharedNickname)
	sharedNick bool
	sheet      string // named in issues when several sheets are imported
	src        *data.RowSource
	issues     []data.RowIssue
}

func newRowBuilder(m *Mapping, platform data.Platform, loc *time.Location) *rowBuilder {
	return &rowBuilder{m: m, loc: loc, platform: platform,
		hasPayTime: m.Has(field.PaidAt), hasAmount: m.Has(field.Amount), hasNick: m.Has(field.Nick),
		orderSheet: m.hasTradeColumns(), sharedNick: sharedNickname(m, platform),
		src:        &data.RowSource{Columns: m.problemColumns()},
		orderLevel: m.orderLevelFields(), regionFromAddress: !m.Has(field.Province) && !m.Has(field.City)}
}

// sharedNickname reports whether the sheet's nick column is a WeChat nickname (微信昵称,
// 客户昵称, 粉丝昵称; 买家昵称 outside Taobao and Tmall, where Youzan and WeChat shops
// use it): buyers share those, so it is a display name, not an identity (PRODUCT.md,
// "Who is who").
func sharedNickname(m *Mapping, p data.Platform) bool {
	for i, k := range m.Fields {
		if k != field.Nick || i >= len(m.Headers) {
			continue
		}
		switch clean.Header(m.Headers[i]) {
		case "微信昵称", "客户昵称", "粉丝昵称":
			return true
		case "买家昵称":
			return p != data.PlatformTaobao && p != data.PlatformTmall
		}
	}
	return false
}

// problemColumns names, for the store's row problems, the column each field was
// read from: the field's name is the domain's (see data.RowSource), and a trade's
// time is read from every date column, best first.
func (m *Mapping) problemColumns() map[string]string {
	cols := map[string]string{}
	var dates []string
	for _, k := range []field.Key{field.PaidAt, field.TradedAt, field.CreatedAt} {
		for i, f := range m.Fields {
			if f == k && i < len(m.Headers) {
				dates = append(dates, strings.TrimSpace(m.Headers[i]))
				break
			}
		}
	}
	for i, k := range m.Fields {
		if i < len(m.Headers) && cols[string(k)] == "" {
			cols[string(k)] = strings.TrimSpace(m.Headers[i])
		}
	}
	if cols[string(field.Name)] == "" && m.Has(field.FirstName) {
		cols[string(field.Name)] = cols[string(field.FirstName)]
	}
	cols[string(field.TradedAt)] = strings.Join(dates, " / ")
	return cols
}

// setSheet names the sheet in the builder's row problems and in the store's.
func (b *rowBuilder) setSheet(name string) {
	b.sheet = name
	b.src.Sheet = name
}

func (b *rowBuilder) issue(row, col int, reason, value string) {
	b.issues = append(b.issues, data.RowIssue{Sheet: b.sheet, Row: row, Column: strings.TrimSpace(b.m.Headers[col]), Reason: reason, Value: value})
}

// tradeFields are the fields whose presence makes a row carry a trade.
var tradeFields = map[field.Key]bool{field.OrderNo: true, field.PaidAt: true, field.CreatedAt: true,
	field.TradedAt: true, field.Goods: true, field.Amount: true, field.UnitPrice: true}

// rowState is what build gathers from the cells of one row before the sheet's
// rules finish it.
type rowState struct {
	r                           *data.ImportRow
	t                           data.Trade
	paidAt, createdAt, tradedAt time.Time
	unitPrice                   int64
	hasUnitPrice, hasQuantity   bool
	typedOK                     int           // date and number cells read
	currency                    data.Currency // the row's Currency cell
	currencyCol                 int
	first, last                 string // first and last name columns (Shopify)
}

// build reads one row; it returns nil for a row with nothing in any mapped column,
// and for a row under the header that describes the columns (see isDescription).
func (b *rowBuilder) build(row int, cells []string) *data.ImportRow {
	st := &rowState{r: &data.ImportRow{Row: row, Customer: data.Customer{Platform: b.platform}, Source: b.src}}
	issuesBefore := len(b.issues)
	c := &st.r.Customer
	var hasTrade, any bool
	for i, k := range b.m.Fields {
		if i >= len(cells) || k == field.Ignore {
			continue
		}
		raw := cells[i]
		v := clean.Text(raw)
		if v == "" {
			continue
		}
		any = true
		hasTrade = hasTrade || tradeFields[k]
		switch {
		case customerText(c, k, raw, v):
		case b.customerChecked(st, row, i, k, raw, v):
		case b.tradeField(st, row, i, k, raw, v):
		default:
			b.extraField(st, k, raw)
		}
	}
	if !any {
		return nil
	}
	if !b.dataSeen && st.typedOK == 0 && len(b.issues)-issuesBefore >= 2 {
		// Every date and number of the first row under the header is words: the
		// export's column descriptions (TikTok Shop's row 2), not an order. Listed
		// once, as what it is, rather than as a row of unreadable values.
		b.issues = append(b.issues[:issuesBefore], data.RowIssue{Sheet: b.sheet, Row: row, Reason: data.IssueDescriptionRow})
		return nil
	}
	b.dataSeen = true
	b.fillFallbacks(cells, c)
	if b.regionFromAddress && c.Address != "" {
		c.Province, c.City = clean.Region(c.Address)
	}
	if c.Name == "" && (st.first != "" || st.last != "") {
		c.Name = strings.TrimSpace(st.first + " " + st.last)
	}
	if b.sharedNick && c.Nick != "" {
		// A WeChat nickname names the buyer only as a name does.
		if c.Name == "" {
			c.Name = c.Nick
		} else {
			setExtra(&c.Extra, b.src.Column(string(field.Nick)), c.Nick)
		}
		c.Nick = ""
	}
	if !b.hasNick && c.Nick == "" && c.Email != "" {
		c.Nick = c.Email // Shopify: the email is the customer's id
	}
	if !hasTrade {
		b.formulaWithoutValue(row)
		return st.r
	}
	b.finishTrade(st)
	if reason := b.refusedTrade(row, st); reason != "" {
		st.r.RefuseTrade(reason) // the customer is kept, the trade reported and counted
		return st.r
	}
	st.r.Trade = &st.t
	return st.r
}

// refusedTrade reports, as row problems, why the row's trade cannot be imported and
// returns the reason, or "" when it can: a formula without a value in it, a date
// after the file was written, another currency than the archive's.
func (b *rowBuilder) refusedTrade(row int, st *rowState) string {
	switch {
	case b.formulaWithoutValue(row):
		return data.IssueNoValue
	case b.afterFile(row, st):
		return data.IssueAfterFile
	case b.otherCurrency(row, st):
		return data.IssueOtherCurrency
	}
	return ""
}

// fillFormulas puts into cells the calculated value of each cell the sheet reader
// found holding a formula without a cached value (cols); the mapped ones it cannot
// calculate are kept in b.noValue for build to report. cells may be extended.
func (b *rowBuilder) fillFormulas(row int, cells []string, cols []int) []string {
	b.noValue = b.noValue[:0]
	for _, i := range cols {
		if i >= len(b.m.Fields) || b.m.Fields[i] == field.Ignore {
			continue
		}
		for len(cells) <= i {
			cells = append(cells, "")
		}
		v, err := "", error(nil)
		if b.calc != nil {
			v, err = b.calc(row, i)
		}
		if b.calc == nil || err != nil {
			b.noValue = append(b.noValue, i)
			continue
		}
		cells[i] = v
	}
	return cells
}

// formulaWithoutValue reports, as row problems, the row's formulas without a value
// that could not be calculated; true when one of them is the trade's (its time, money
// or quantity), which is then not imported rather than read as 0.
func (b *rowBuilder) formulaWithoutValue(row int) bool {
	trade := false
	for _, i := range b.noValue {
		b.issue(row, i, data.IssueNoValue, "")
		k := b.m.Fields[i]
		trade = trade || tradeFields[k] || k == field.Quantity || k == field.Refund
	}
	b.noValue = b.noValue[:0]
	return trade
}

// otherCurrency reports, as a row problem, a trade in another currency than the
// archive's: amounts of different currencies are never added together.
func (b *rowBuilder) otherCurrency(row int, st *rowState) bool {
	if st.currency == "" || b.currency == "" || st.currency == b.currency {
		return false
	}
	b.issue(row, st.currencyCol, data.IssueOtherCurrency, string(st.currency))
	return true
}

// fileSlack is how far after the file's time a trade may be dated: times written
// in another zone than the seller's.
const fileSlack = 24 * time.Hour

// afterFile reports, as a row problem, a trade dated after the file was written: a
// date read the wrong way round (12/02 as 2 December) or a typing error, never kept.
func (b *rowBuilder) afterFile(row int, st *rowState) bool {
	at := st.t.TradedAt
	if b.fileTime.IsZero() || !at.After(b.fileTime.Add(fileSlack)) {
		return false
	}
	k := field.CreatedAt
	switch {
	case !st.paidAt.IsZero():
		k = field.PaidAt
	case !st.tradedAt.IsZero():
		k = field.TradedAt
	}
	for i, f := range b.m.Fields {
		if f == k && i < len(b.m.Headers) {
			b.issue(row, i, data.IssueAfterFile, at.In(b.loc).Format("2006-01-02 15:04"))
			break
		}
	}
	return true
}

// customerText reads a customer field that any text fills; false when k is not one.
func customerText(c *data.Customer, k field.Key, raw, v string) bool {
	switch k {
	case field.Platform:
		if p, ok := platformNames[strings.ToLower(v)]; ok {
			c.Platform = p
		}
	case field.Nick:
		c.Nick = clean.Unmark(clean.Prose(raw))
	case field.Name:
		c.Name = clean.Prose(raw)
	case field.Email:
		c.Email = data.NormalizeEmail(v)
	case field.WeChat:
		c.WeChat = v
	case field.Wangwang:
		c.Wangwang = v
	case field.QQ:
		c.QQ = strings.TrimSuffix(v, ".0") // a number cell written out as text
	case field.Province:
		c.Province = clean.Prose(raw)
	case field.City:
		c.City = clean.Prose(raw)
	case field.Address:
		c.Address = clean.Prose(raw)
	case field.Source:
		c.Source = clean.Prose(raw)
	case field.Tags:
		c.Tags = clean.Tags(v)
	case field.Note:
		c.Note = clean.Lines(raw)
	case field.OptOut:
		c.MarketingOptOut, _ = clean.Bool(v)
	default:
		return false
	}
	return true
}

// customerChecked reads a customer field whose value may be wrong, reporting a row
// problem instead of guessing; false when k is not one.
func (b *rowBuilder) customerChecked(st *rowState, row, i int, k field.Key, raw, v string) bool {
	c := &st.r.Customer
	switch k {
	case field.FirstName:
		st.first = clean.Prose(raw)
	case field.LastName:
		st.last = clean.Prose(raw)
	case field.Gender:
		if g, ok := clean.Gender(v); ok {
			c.Gender = g
		} else {
			b.issue(row, i, data.IssueBadValue, raw)
		}
	case field.Birthday:
		if bd, ok := clean.Birthday(v, b.loc); ok {
			c.Birthday = bd
		} else {
			b.issue(row, i, data.IssueBadDate, raw)
		}
	case field.LunarBirthday:
		if bd, _, ok := data.ParseLunarBirthday(v); ok {
			c.Birthday, c.BirthdayLunar = bd, true
		} else {
			b.issue(row, i, data.IssueBadDate, raw)
		}
	case field.Phone:
		if p, ok := clean.Phone(raw); ok {
			c.Phone = p
		} else if !strings.Contains(raw, "*") { // a platform-masked phone just says nothing
			b.issue(row, i, data.IssueBadPhone, raw)
		}
	default:
		return false
	}
	return true
}

// tradeField reads a trade field; false when k is not one.
func (b *rowBuilder) tradeField(st *rowState, row, i int, k field.Key, raw, v string) bool {
	t := &st.t
	switch k {
	case field.OrderNo:
		if no, ok := clean.OrderNo(raw); ok {
			t.OrderNo = no
		} else {
			b.issue(row, i, data.IssueLossyOrder, raw)
		}
	case field.PaidAt, field.CreatedAt, field.TradedAt:
		b.tradeTime(st, row, i, k, raw, v)
	case field.Quantity, field.UnitPrice, field.Amount, field.Refund:
		b.tradeNumber(st, row, i, k, raw, v)
	case field.Goods:
		t.Goods = clean.Prose(raw)
	case field.Status:
		if s, ok := clean.Status(v); ok {
			t.Status = s
		}
	case field.TradeNote:
		t.Note = clean.Lines(raw)
	case field.ShipName:
		t.ShipName = clean.Prose(raw)
	case field.ShipPhone:
		if p, ok := clean.Phone(raw); ok {
			t.ShipPhone = p
		}
	case field.ShipAddress:
		t.ShipAddress = clean.Prose(raw)
	case field.Currency:
		if c, ok := data.ParseCurrency(v); ok {
			st.currency, st.currencyCol = c, i
		} else {
			b.issue(row, i, data.IssueBadValue, raw)
		}
	default:
		return false
	}
	return true
}

// tradeTime reads one of the trade's time columns; finishTrade picks among them.
func (b *rowBuilder) tradeTime(st *rowState, row, i int, k field.Key, raw, v string) {
	read := clean.Date
	if b.m.dayFirst[i] {
		read = clean.DateDayFirst
	}
	d, ok := read(v, b.loc)
	if !ok {
		b.issue(row, i, data.IssueBadDate, raw)
		return
	}
	st.typedOK++
	switch {
	case k == field.PaidAt:
		st.paidAt = d
	case k == field.CreatedAt:
		st.createdAt = d
	default:
		st.tradedAt = d
	}
}

// tradeNumber reads the trade's quantity, unit price, amount or refund.
func (b *rowBuilder) tradeNumber(st *rowState, row, i int, k field.Key, raw, v string) {
	switch k {
	case field.Quantity:
		if q, ok := data.ParseQuantity(v); ok {
			st.t.Quantity, st.hasQuantity = q, true
			st.typedOK++
		} else {
			b.issue(row, i, data.IssueBadNumber, raw)
		}
	case field.UnitPrice:
		// Unit prices may carry more than fen (UCI has 0.001): keep four decimals
		// and round once, on the line total.
		if p, ok := clean.Decimal(v, 4); ok {
			st.unitPrice, st.hasUnitPrice = p, true
			st.typedOK++
		} else {
			b.issue(row, i, data.IssueBadAmount, raw)
		}
	default: // field.Amount, field.Refund
		read := clean.Amount
		if k == field.Refund {
			read = clean.Refund
		}
		fen, ok := read(v)
		switch {
		case !ok:
			b.issue(row, i, data.IssueBadAmount, raw)
			return
		case k == field.Amount:
			st.t.AmountFen = fen
		default:
			st.t.RefundFen = fen
		}
		st.typedOK++
	}
}

// extraField keeps a column that has no field of its own, on the trade in an order
// sheet and on the customer otherwise.
func (b *rowBuilder) extraField(st *rowState, k field.Key, raw string) {
	h, ok := k.IsExtra()
	switch {
	case !ok:
	case b.orderSheet:
		setExtra(&st.t.Extra, h, clean.Prose(raw))
	default:
		setExtra(&st.r.Customer.Extra, h, clean.Prose(raw))
	}
}

// fillFallbacks fills empty contact fields from the further columns that name them.
func (b *rowBuilder) fillFallbacks(cells []string, c *data.Customer) {
	for k, cols := range b.m.Fallbacks {
		for _, i := range cols {
			if i >= len(cells) {
				continue
			}
			v := clean.Text(cells[i])
			if v == "" {
				continue
			}
			switch {
			case k == field.Phone && c.Phone == "":
				if p, ok := clean.Phone(cells[i]); ok {
					c.Phone = p
				}
			case k == field.Name && c.Name == "":
				c.Name = clean.Prose(cells[i])
			case k == field.Email && c.Email == "":
				c.Email = data.NormalizeEmail(v)
			case k == field.Address && c.Address == "":
				c.Address = clean.Prose(cells[i])
			}
		}
	}
}

// finishTrade applies the sheet's time and payment rules: the pay time is the trade
// time; without one, a sheet that has a pay-time column says the order is unpaid and
// its creation time is used; a sheet that says nothing about payment counts as paid.
func (b *rowBuilder) finishTrade(st *rowState) {
	t, paidAt, createdAt, tradedAt := &st.t, st.paidAt, st.createdAt, st.tradedAt
	switch {
	case !paidAt.IsZero():
		t.TradedAt = paidAt
	case !tradedAt.IsZero():
		t.TradedAt = tradedAt
	default:
		t.TradedAt = createdAt
	}
	if t.Status == "" {
		t.Status = data.StatusPaid
		if b.hasPayTime && paidAt.IsZero() {
			t.Status = data.StatusUnpaid
		}
	}
	if !st.hasQuantity {
		t.Quantity = 1 // a sheet without a quantity column sells one of each
	}
	if !b.hasAmount && st.hasUnitPrice {
		t.AmountFen = roundDiv(st.unitPrice*int64(t.Quantity), 100) // 1/10000 yuan → fen
	}
	if t.RefundFen > t.AmountFen && t.AmountFen >= 0 {
		t.RefundFen = t.AmountFen // a refund cannot exceed what was paid
	}
}

// roundDiv divides rounding half away from zero.
func roundDiv(a, b int64) int64 {
	if a < 0 {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

func setExtra(m *map[string]string, k, v string) {
	if *m == nil {
		*m = map[string]string{}
	}
	(*m)[k] = v
}

// hasTradeColumns reports whether the sheet is an order sheet (its unknown columns
// then describe the order, not the buyer).
func (m *Mapping) hasTradeColumns() bool {
	for _, k := range m.Fields {
		if tradeFields[k] {
			return true
		}
	}
	return false
}

// platformNames reads a 平台 column: each platform's code, the word an export writes
// for it (export.PlatformNames), and the names sellers use.
var platformNames = func() map[string]data.Platform {
	m := map[string]data.Platform{"jd": data.PlatformJD, "京东": data.PlatformJD, "微信": data.PlatformWeChat,
		"视频号": data.PlatformWeChat, "视频号小店": data.PlatformWeChat, "抖店": data.PlatformDouyin, "快手小店": data.PlatformKuaishou,
		"tiktok": data.PlatformTikTok, "红书": data.PlatformXiaohongshu, "阿里巴巴": data.Platform1688}
	for _, p := range data.Platforms {
		m[string(p)] = p
	}
	for p, w := range export.PlatformNames {
		m[strings.ToLower(w)] = p
	}
	return m
}()

// takeOrderMoney counts an order's order-level money once: a row of an order whose
// money an earlier, not adjacent, row already carried keeps only its item-level
// values (adjacent rows are folded by foldInto).
func (b *rowBuilder) takeOrderMoney(r *data.ImportRow) {
	if b.orderLevel == nil || r.Trade == nil || r.Trade.OrderNo == "" {
		return
	}
	if !b.taken[r.Trade.OrderNo] {
		if b.taken == nil {
			b.taken = map[string]bool{}
		}
		b.taken[r.Trade.OrderNo] = true
		return
	}
	if b.orderLevel[field.Amount] {
		r.Trade.AmountFen = 0
	}
	if b.orderLevel[field.Refund] {
		r.Trade.RefundFen = 0
	}
}
