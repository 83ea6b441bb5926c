package customers

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// customerDetail shows one customer: fields, stats and trades. It does not touch the
// store; the screen answers its callbacks.
type customerDetail struct {
	OnEdit        func(*data.Customer)
	OnDelete      func(*data.Customer)
	OnAddTrade    func(*data.Customer)
	OnEditTrade   func(*data.Trade)
	OnDeleteTrade func(*data.Trade)
	OnLinkOrder   func(*data.Customer) // 关联订单: see orders.go
	OnUnlinkOrder func(*data.Trade)
	OnExportData  func(*data.Customer) // the buyer's data rights: see customer_privacy.go
	OnErase       func(*data.Customer)
	OnMerge       func(*data.Customer)      // 合并到…: see merge.go
	OnUndoMerge   func(*data.CustomerMerge) // 撤销合并
	OnBlacklist   func(*data.Customer)      // 加入黑名单…: see blacklist.go
	OnUnblacklist func(*data.Customer)      // 移出黑名单

	content     *fyne.Container
	placeholder fyne.CanvasObject
	body        fyne.CanvasObject

	title   *widget.Label
	sub     *widget.Label
	black   *widget.Label // 黑名单 and the reason, in red, for a blacklisted buyer
	info    *container.Scroll
	stats   *fyne.Container
	gap     *widget.Label // 升级差额: 还差 ¥X 或 N 笔升到 <next tier>, under the stats
	fields  *fyne.Container
	trades  *widget.List
	noTrade *widget.Label

	now       func() time.Time // the store's clock: "N 天前" counts from it
	customer  *data.Customer
	merges    []*data.CustomerMerge // merges into the customer still in place
	tiers     []*data.Tier          // the seller's tiers, lowest first: the upgrade gap
	tradeRows []*data.Trade
	followUps *followUpPanel // 沟通与提醒 (customer_followups.go)
}

// newCustomerDetail is the empty pane; now is the clock "N 天前" counts from.
func newCustomerDetail(now func() time.Time) *customerDetail {
	d := &customerDetail{now: now}
	hint := widget.NewLabel(lang.L("detail.placeholder"))
	hint.Alignment = fyne.TextAlignCenter
	hint.Wrapping = fyne.TextWrapWord
	d.placeholder = container.NewVBox(layout.NewSpacer(), hint, layout.NewSpacer())

	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.title.Truncation = fyne.TextTruncateEllipsis
	d.sub = widget.NewLabel("")
	d.black = widget.NewLabel("")
	d.black.Importance = widget.DangerImportance
	d.black.Wrapping = fyne.TextWrapWord
	d.black.Hide()
	edit := widget.NewButtonWithIcon(lang.L("action.edit"), theme.DocumentCreateIcon(), func() { d.OnEdit(d.customer) })
	del := widget.NewButtonWithIcon(lang.L("action.delete"), theme.DeleteIcon(), func() { d.OnDelete(d.customer) })
	del.Importance = widget.DangerImportance
	rights := moreButton(d.moreItems)
	header := container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(edit, del, rights)), container.NewVBox(d.title, d.sub, d.black))

	d.stats = container.NewGridWithColumns(3)
	d.fields = container.New(layout.NewFormLayout())
	d.gap = widget.NewLabel("")
	d.gap.Wrapping = fyne.TextWrapWord
	d.info = container.NewVScroll(container.NewVBox(d.stats, d.gap, widget.NewSeparator(), d.fields))

	d.trades = widget.NewList(func() int { return len(d.tradeRows) }, newTradeRow, d.updateTradeRow)
	d.noTrade = widget.NewLabel(lang.L("trades.none"))
	addTrade := widget.NewButtonWithIcon(lang.L("trades.add"), theme.ContentAddIcon(), func() { d.OnAddTrade(d.customer) })
	linkOrder := widget.NewButtonWithIcon(lang.L("orders.link_order"), theme.ContentPasteIcon(), func() { d.OnLinkOrder(d.customer) })
	tradesHead := container.NewBorder(nil, nil,
		widget.NewLabelWithStyle(lang.L("trades.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(linkOrder, addTrade))
	tradesBox := container.NewBorder(tradesHead, nil, nil, nil, container.NewStack(d.trades, d.noTrade))

	d.followUps = newFollowUpPanel()
	split := container.NewVSplit(d.info, container.NewAppTabs(container.NewTabItem(lang.L("trades.title"), tradesBox), d.followUps.tab))
	split.SetOffset(0.5)
	d.body = container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, split)
	d.body.Hide()
	d.content = container.NewStack(d.placeholder, container.NewPadded(d.body))
	return d
}

// moreItems is the ⋮ menu: 合并到…, 撤销合并 for each merge into the customer, 加入黑名单…
// or 移出黑名单, and the buyer's data rights.
func (d *customerDetail) moreItems() []*fyne.MenuItem {
	items := []*fyne.MenuItem{fyne.NewMenuItem(lang.L("merge.action"), func() { d.OnMerge(d.customer) })}
	for _, m := range d.merges {
		items = append(items, fyne.NewMenuItem(lang.L("merge.undo")+": "+m.GoneName, func() { d.OnUndoMerge(m) }))
	}
	items = append(items, d.blacklistItem(), fyne.NewMenuItemSeparator())
	return append(items, privacyItems(func() { d.OnExportData(d.customer) }, func() { d.OnErase(d.customer) })...)
}

// clear shows the "select a customer" hint.
func (d *customerDetail) clear() {
	d.customer = nil
	d.body.Hide()
	d.placeholder.Show()
}

// show fills the pane with c and its trades (newest first).
func (d *customerDetail) show(c *data.Customer, trades []*data.Trade) {
	if d.customer == nil || d.customer.ID != c.ID { // another customer is read from the top
		d.info.ScrollToTop()
		d.trades.ScrollToTop()
		d.followUps.scrollToTop()
	}
	d.customer, d.tradeRows = c, trades
	d.title.SetText(c.DisplayName())
	d.sub.SetText(i18n.PlatformName(c.Platform) + " · " + i18n.TierName(c.Tier))
	if c.Blacklisted {
		d.black.SetText(lang.L("detail.blacklisted", map[string]any{"Reason": c.BlacklistReason}))
		d.black.Show()
	} else {
		d.black.Hide()
	}

	d.stats.RemoveAll()
	st := c.Stats
	last := "—"
	if days := st.DaysSinceLast(d.now(), time.Local); days >= 0 {
		last = ui.LocalDate(st.LastTrade) + "\n" + lang.L("detail.days_ago", map[string]any{"Days": days})
	}
	first := "—"
	if !st.FirstTrade.IsZero() {
		first = ui.LocalDate(st.FirstTrade)
	}
	for _, kv := range [][2]string{
		{lang.L("field.trades"), fmt.Sprint(st.TradeCount)},
		{lang.L("field.total"), ui.Money(st.TotalFen)},
		{lang.L("field.average"), ui.Money(st.AverageFen())},
		{lang.L("field.first_trade"), first},
		{lang.L("field.last_trade"), last},
	} {
		d.stats.Add(statCard(kv[0], kv[1]))
	}
	addGroupCards(d.stats, c)
	d.gap.SetText(i18n.UpgradeGap(data.TierGap(d.tiers, st.TradeCount, st.TotalFen), ui.Currency()))

	d.fields.RemoveAll()
	for _, kv := range customerFieldRows(c) {
		d.fields.Add(widget.NewLabelWithStyle(kv[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		v := widget.NewLabel(kv[1])
		v.Wrapping = fyne.TextWrapWord
		v.Selectable = true
		d.fields.Add(v)
	}
	if len(trades) == 0 {
		d.noTrade.Show()
	} else {
		d.noTrade.Hide()
	}
	d.trades.Refresh()
	d.followUps.show(c)
	d.placeholder.Hide()
	d.body.Show()
	d.content.Refresh()
}

// statCard is one figure of the stats grid. Both lines wrap: the grid's columns are as
// wide as its widest card, and an unwrapped long value ("General to develop • R3 F1 M3")
// would widen the whole detail pane and squeeze the customer list beside it.
func statCard(label, value string) fyne.CanvasObject {
	v := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Wrapping = fyne.TextWrapWord
	l := widget.NewLabel(label)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return container.New(layout.NewCustomPaddedVBoxLayout(-8), l, v)
}

// customerFieldRows lists the non-empty fields of c as (label, value) in form order,
// followed by the imported extra columns.
func customerFieldRows(c *data.Customer) [][2]string {
	birthday := c.Birthday
	if birthday != "" && c.BirthdayLunar {
		birthday = lang.L("detail.lunar") + " " + birthday
	}
	optOut := ""
	if c.MarketingOptOut {
		optOut = lang.L("field.marketing_opt_out.check")
	}
	region := strings.TrimSpace(c.Province + " " + c.City)
	if c.Province == c.City {
		region = c.City
	}
	var rows [][2]string
	for _, kv := range [][2]string{
		{"name", c.Name}, {"nick", c.Nick}, {"gender", genderIfKnown(c.Gender)}, {"birthday", birthday},
		{"phone", c.Phone}, {"email", c.Email}, {"wechat", c.WeChat}, {"wangwang", c.Wangwang}, {"qq", c.QQ},
		{"region", region}, {"address", c.Address}, {"source", c.Source}, {"tags", strings.Join(c.Tags, "、")},
		{"note", c.Note}, {"marketing_opt_out", optOut}, {"added_on", ui.LocalDate(c.CreatedAt)},
	} {
		if kv[1] != "" {
			rows = append(rows, [2]string{i18n.FieldName(kv[0]), kv[1]})
		}
	}
	keys := make([]string, 0, len(c.Extra))
	for k := range c.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if c.Extra[k] != "" {
			rows = append(rows, [2]string{k, c.Extra[k]})
		}
	}
	return rows
}

func genderIfKnown(g data.Gender) string {
	if g == data.GenderUnknown {
		return ""
	}
	return i18n.GenderName(g)
}

// newTradeRow is the template of one trade line: goods above, time and status below,
// the amount, then edit and delete (取消关联 instead of delete for an order linked by
// its number: deleting it would lose the platform's order).
func newTradeRow() fyne.CanvasObject {
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil)
	edit.Importance = widget.LowImportance
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	del.Importance = widget.LowImportance
	unlink := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), nil)
	unlink.Importance = widget.LowImportance
	unlink.Hide() // shown for an order linked by its number
	return ui.NewTwoLineRow(false, widget.NewLabel(""), edit, del, unlink)
}

func (d *customerDetail) updateTradeRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(d.tradeRows) {
		return
	}
	t := d.tradeRows[i]
	goods, when, right := ui.TwoLineRowParts(o)
	amount := right.Objects[0].(*widget.Label)
	edit, del, unlink := right.Objects[1].(*widget.Button), right.Objects[2].(*widget.Button), right.Objects[3].(*widget.Button)

	text := t.Goods
	if text == "" {
		text = "—"
	}
	if t.Quantity > 1 {
		text += " ×" + fmt.Sprint(t.Quantity)
	}
	goods.SetText(text)
	info := ui.LocalDateTime(t.TradedAt) + " · " + i18n.StatusName(t.Status)
	if t.RefundFen > 0 && t.Status == data.StatusPaid {
		info += " " + lang.L("trades.refunded_part", map[string]any{"Amount": ui.Money(t.RefundFen)})
	}
	if linked := !t.LinkedAt.IsZero(); linked != unlink.Visible() {
		del.Hidden, unlink.Hidden = linked, !linked
		right.Refresh()
	}
	if !t.LinkedAt.IsZero() {
		info += " · " + lang.L("orders.linked_mark")
	}
	when.SetText(info)
	amount.SetText(ui.Money(t.AmountFen))
	if t.Counts {
		amount.Importance = widget.MediumImportance
	} else {
		amount.Importance = widget.LowImportance
	}
	amount.Refresh()
	edit.OnTapped = func() { d.OnEditTrade(t) }
	del.OnTapped = func() { d.OnDeleteTrade(t) }
	unlink.OnTapped = func() { d.OnUnlinkOrder(t) }
}
