package importer

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"shopcrm/data"
	"shopcrm/importer/clean"
	"shopcrm/importer/field"
	"shopcrm/importer/sheet"
)

// Errors the GUI and the command line turn into sentences.
var (
	// ErrNoHeader: no row of the sheet looks like a header of known columns.
	ErrNoHeader = errors.New("no header row found")
	// ErrNoCustomer: the sheet has neither a column that identifies a buyer (nick,
	// name, phone or email) nor an order number, so its rows could never be told
	// apart or linked; the seller can map one in the preview. A sheet with order
	// numbers and no buyer imports its orders as unlinked orders (data/order.go).
	ErrNoCustomer = errors.New("no customer or order number column")
)

// Options say how to read a file.
type Options struct {
	Sheet    string // "" picks the first sheet with a header
	Password string
	// Platform is used for rows without a 平台 column; "" guesses from the headers.
	Platform data.Platform
	// Fields overrides the recognised mapping (one per column), as corrected in the
	// preview. It applies to the sheet the preview showed: the first sheet imported.
	// The trades sheet of a ShopCRM archive is read with the archive's own column map.
	Fields   []field.Key
	Location *time.Location // the seller's zone for times without an offset; nil = local
	DryRun   bool
	// Progress, when set, is told how many sheet rows have been read.
	Progress func(rows int)
}

// Preview is what the import wizard shows before anything is written.
type Preview struct {
	Sheets   []string
	Sheet    string
	Format   string
	Mapping  *Mapping
	Platform data.Platform
	Rows     [][]string // the first data rows, as in the sheet
}

// previewRows is how many data rows a preview shows.
const previewRows = 20

// PreviewFile opens a file, finds its header and recognises its columns.
func PreviewFile(path string, opt Options) (*Preview, error) {
	wb, err := sheet.Open(path, sheet.OpenOptions{Password: opt.Password})
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	p := &Preview{Sheets: visibleSheets(wb.Sheets()), Format: wb.Format()}
	rows, m, name, err := openSheet(wb, opt)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	p.Sheet, p.Mapping = name, m
	p.Platform = choosePlatform(opt.Platform, m)
	for len(p.Rows) < previewRows && rows.Next() {
		p.Rows = append(p.Rows, append([]string(nil), rows.Cells()...))
	}
	return p, rows.Err()
}

// openSheet picks the sheet, finds its header among the first rows and maps it. The
// returned rows are positioned just after the header.
func openSheet(wb *sheet.Workbook, opt Options) (*sheet.Rows, *Mapping, string, error) {
	names := visibleSheets(wb.Sheets())
	archive := archiveColumns(wb)
	if opt.Sheet != "" {
		names = []string{opt.Sheet}
	}
	for _, name := range names {
		rows, err := wb.Rows(name)
		if err != nil {
			return nil, nil, "", err
		}
		var head [][]string
		var nums []int
		for len(head) < headerScanRows && rows.Next() {
			head = append(head, append([]string(nil), rows.Cells()...))
			nums = append(nums, rows.RowNumber())
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return nil, nil, "", err
		}
		rows.Close()
		i, ok := findHeader(head)
		if !ok {
			continue
		}
		m := MapHeaders(head[i])
		m.HeaderRow = nums[i]
		if cols, ok := archive[name]; ok {
			applyArchiveColumns(m, cols)
			m.Archive = true
		}
		if len(opt.Fields) > 0 {
			m.Fields = append(m.Fields[:0:0], opt.Fields...)
			for len(m.Fields) < len(m.Headers) {
				m.Fields = append(m.Fields, field.Ignore)
			}
			m.Fields = m.Fields[:len(m.Headers)]
		}
		if m.Currency == "" {
			m.Currency = m.sampleCurrency(head[i+1:])
		}
		if m.dayFirst, err = decideDayOrder(wb, name, m, head[i+1:]); err != nil {
			return nil, nil, "", err
		}
		// Re-open and skip to just after the header: the scan above consumed rows.
		rows, err = wb.Rows(name)
		if err != nil {
			return nil, nil, "", err
		}
		for rows.RowNumber() < m.HeaderRow && rows.Next() {
		}
		return rows, m, name, nil
	}
	return nil, nil, "", ErrNoHeader
}

// choosePlatform returns the seller's choice, else the platform whose export layout
// the header is, else a guess from the headers.
func choosePlatform(p data.Platform, m *Mapping) data.Platform {
	if p != "" {
		return p
	}
	if l := detectLayout(m.Headers); l != nil {
		return l.platform
	}
	has := func(names ...string) bool {
		for _, h := range m.Headers {
			for _, n := range names {
				if clean.Header(h) == n {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("financialstatus", "lineitemname", "acceptsmarketing", "acceptsemailmarketing", "totalspent"):
		return data.PlatformShopify
	case has("买家会员名", "宝贝标题", "宝贝总数量", "旺旺", "旺旺名", "顾客网名", "买家昵称"):
		return data.PlatformTaobao
	case has("京东", "商品编号", "京东价"):
		return data.PlatformJD
	}
	return data.PlatformOther
}

// Import reads a file and imports it into the store in one transaction. Reading and
// writing overlap: the sheet is read and cleaned on one goroutine while the store
// applies the rows on another. A ShopCRM archive (a 客户 and a 交易 sheet) imports
// both sheets in one batch; any other workbook imports one sheet.
func Import(ctx context.Context, store Store, path string, opt Options) (*data.ImportResult, error) {
	hash, err := fileHash(path)
	if err != nil {
		return nil, err
	}
	wb, err := sheet.Open(path, sheet.OpenOptions{Password: opt.Password})
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	loc := opt.Location
	if loc == nil {
		loc = time.Local
	}
	var fileTime time.Time // when the file was written: no trade is dated after it
	if fi, err := os.Stat(path); err == nil {
		fileTime = fi.ModTime()
	}
	plans, err := planSheets(ctx, store, wb, opt, loc, fileTime)
	defer func() {
		for _, p := range plans {
			p.rows.Close()
		}
	}()
	if err != nil {
		return nil, err
	}
	currency, setCurrency, err := currencyPlan(ctx, store, plans)
	if err != nil {
		return nil, err
	}
	for _, p := range plans {
		p.b.currency = currency
	}

	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	feed := make(chan readResult, 512)
	go readSheets(ctx, plans, opt.Progress, feed)

	res, err := store.Import(ctx, data.ImportOptions{
		FileName: filepath.Base(path), Hash: hash, Sheet: plans[0].name, Layout: layoutJSON(plans), DryRun: opt.DryRun,
	}, nil, func() (*data.ImportRow, error) {
		r, ok := <-feed
		if !ok {
			return nil, io.EOF
		}
		return r.row, r.err
	})
	cancel()
	for range feed { // let the reader finish before its issues are read
	}
	if err != nil {
		return nil, err
	}
	if setCurrency && !opt.DryRun {
		// The archive's first money sets its currency.
		if err := store.SetSetting(parent, data.SettingCurrency, string(currency)); err != nil {
			return nil, err
		}
	}
	res.Issues = readerIssuesFirst(plans, res.Issues)
	return res, nil
}

// planSheets opens every sheet to import and maps its columns (the preview's
// corrections, else a remembered mapping); the plans it returns, even with an error,
// hold open rows for the caller to close.
func planSheets(ctx context.Context, store Store, wb *sheet.Workbook, opt Options, loc *time.Location, fileTime time.Time) ([]*sheetPlan, error) {
	var plans []*sheetPlan
	for i, name := range sheetsToImport(wb, opt.Sheet) {
		o := opt
		o.Sheet = name
		if i > 0 {
			// The preview's corrections are for the sheet it showed; laid over the
			// columns of the next sheet they would read its cells as other fields.
			o.Fields = nil
		}
		rows, m, name, err := openSheet(wb, o)
		if err != nil {
			return plans, err
		}
		plans = append(plans, &sheetPlan{name: name, rows: rows, m: m})
		if len(o.Fields) == 0 {
			if _, err := RecallMapping(ctx, store, m); err != nil {
				return plans, err
			}
		}
		if !identifiesCustomers(m) && !m.Has(field.OrderNo) {
			return plans, ErrNoCustomer
		}
	}
	for _, p := range plans {
		p.b = newRowBuilder(p.m, choosePlatform(opt.Platform, p.m), loc)
		p.b.fileTime = fileTime
		name := p.name
		p.b.calc = func(row, col int) (string, error) { return wb.Calc(name, row, col) }
		if len(plans) > 1 {
			p.b.setSheet(p.name)
		}
	}
	return plans, nil
}

// readerIssuesFirst puts the problems the reader found before the store's, all in
// sheet and row order.
func readerIssuesFirst(plans []*sheetPlan, stored []data.RowIssue) []data.RowIssue {
	var issues []data.RowIssue
	for _, p := range plans {
		issues = append(issues, p.b.issues...)
	}
	issues = append(issues, stored...)
	sort.SliceStable(issues, func(i, j int) bool {
		a, b := issues[i], issues[j]
		return a.Sheet < b.Sheet || (a.Sheet == b.Sheet && a.Row < b.Row)
	})
	return issues
}

// sheetPlan is one sheet on its way in.
type sheetPlan struct {
	name string
	rows *sheet.Rows
	m    *Mapping
	b    *rowBuilder
}

// Sheet names of a ShopCRM archive export.
const (
	archiveCustomers = "客户"
	archiveTrades    = "交易"
)

// sheetsToImport is the seller's sheet, both sheets of a ShopCRM archive (customers
// first, so trades find their buyers filled in), or "" for the first sheet with a header.
func sheetsToImport(wb *sheet.Workbook, chosen string) []string {
	if chosen != "" {
		return []string{chosen}
	}
	has := map[string]bool{}
	for _, s := range wb.Sheets() {
		has[s] = true
	}
	if has[archiveCustomers] && has[archiveTrades] {
		return []string{archiveCustomers, archiveTrades}
	}
	return []string{""}
}

// readSheets reads every planned sheet in turn into feed, closing it at the end.
func readSheets(ctx context.Context, plans []*sheetPlan, progress func(int), feed chan<- readResult) {
	defer close(feed)
	defer recoverRead(feed)
	total := 0
	for _, p := range plans {
		n, ok := readRows(ctx, p.rows, p.b, func(rows int) {
			if progress != nil {
				progress(total + rows)
			}
		}, feed)
		if !ok {
			return
		}
		total += n
	}
}

type readResult struct {
	row *data.ImportRow
	err error
}

// readRows reads, cleans and folds one sheet's rows into feed. It returns how many
// rows it read and false when the import stopped.
func readRows(ctx context.Context, rows *sheet.Rows, b *rowBuilder, progress func(int), feed chan<- readResult) (int, bool) {
	send := func(r readResult) bool {
		if r.row != nil {
			r.row.Check() // here, off the store's goroutine: see data.ImportRow.Check
		}
		select {
		case feed <- r:
			return true
		case <-ctx.Done():
			return false
		}
	}
	var pending *data.ImportRow
	n := 0
	for rows.Next() {
		n++
		if n%1000 == 0 {
			progress(n)
		}
		cells := rows.Cells()
		if u := rows.Uncached(); u != nil {
			cells = b.fillFormulas(rows.RowNumber(), cells, u)
		}
		r := b.build(rows.RowNumber(), cells)
		if r == nil {
			continue
		}
		if pending != nil && sameOrder(pending, r) {
			foldInto(pending, r, b.orderLevel)
			continue
		}
		b.takeOrderMoney(r)
		if pending != nil && !send(readResult{row: pending}) {
			return n, false
		}
		pending = r
	}
	if err := rows.Err(); err != nil {
		send(readResult{err: err})
		return n, false
	}
	if pending != nil && !send(readResult{row: pending}) {
		return n, false
	}
	progress(n)
	return n, true
}

// sameOrder reports whether r is a further line item of the order in p.
func sameOrder(p, r *data.ImportRow) bool {
	return p.Trade != nil && r.Trade != nil && p.Trade.OrderNo != "" &&
		p.Trade.OrderNo == r.Trade.OrderNo && p.Customer.Platform == r.Customer.Platform
}

// foldInto adds line item r to order p: goods listed once each, quantities and
// item-level amounts summed, an order-level amount (orderLevel: repeated on every
// line) taken once, buyer details filled from whichever line has them.
func foldInto(p, r *data.ImportRow, orderLevel map[field.Key]bool) {
	pt, rt := p.Trade, r.Trade
	if orderLevel[field.Amount] {
		pt.AmountFen, rt.AmountFen = cmp.Or(pt.AmountFen, rt.AmountFen), 0
	}
	if orderLevel[field.Refund] {
		pt.RefundFen, rt.RefundFen = cmp.Or(pt.RefundFen, rt.RefundFen), 0
	}
	pt.AddLineItem(rt)
	p.Lines = max(1, p.Lines) + max(1, r.Lines)
	if pt.TradedAt.IsZero() {
		pt.TradedAt = rt.TradedAt
	}
	pc, rc := &p.Customer, &r.Customer
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&pc.Nick, rc.Nick}, {&pc.Name, rc.Name}, {&pc.Phone, rc.Phone}, {&pc.Email, rc.Email},
		{&pc.Province, rc.Province}, {&pc.City, rc.City}, {&pc.Address, rc.Address},
	} {
		if *f.dst == "" {
			*f.dst = f.v
		}
	}
}

// identifiesCustomers reports whether some column says who the buyer is.
func identifiesCustomers(m *Mapping) bool {
	return m.Has(field.Nick) || m.Has(field.Name) || m.Has(field.Phone) || m.Has(field.Email) ||
		(m.Has(field.FirstName) && m.Has(field.LastName))
}

// SheetLayout is one imported sheet's headers and mapping, kept with the batch so an
// export can use the seller's own column order.
type SheetLayout struct {
	Sheet   string      `json:"sheet"`
	Headers []string    `json:"headers"`
	Fields  []field.Key `json:"fields"`
}

func layoutJSON(plans []*sheetPlan) string {
	var out []SheetLayout
	for _, p := range plans {
		out = append(out, SheetLayout{p.name, p.m.Headers, p.m.Fields})
	}
	b, _ := json.Marshal(out)
	return string(b)
}

func fileHash(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", filepath.Base(path), err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
