package customers

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// searchDelay is how long typing must pause before the list is searched.
const searchDelay = 250 * time.Millisecond

// Screen is the 客户 screen: search, the list, and the selected customer's detail.
type Screen struct {
	win        fyne.Window
	store      Store
	now        func() time.Time // the store's clock
	filter     data.CustomerFilter
	maskPhones bool

	pages    customerPages
	table    *widget.Table
	search   *widget.Entry
	count    *widget.Label
	listArea *fyne.Container
	empty    *fyne.Container
	emptyMsg *ui.WrapLabel
	// bought offers, when a search finds no one, the buyers of goods named like it
	// ("3 位客户买过「红茶」"): search looks at who the buyer is, not what they bought.
	bought    *widget.Button
	boughtBox *fyne.Container // bought, centred; hidden with nothing to offer
	detail    *customerDetail
	// Content is the screen; the shell may wrap it (the sample-data banner).
	Content fyne.CanvasObject

	// customerEdits opens the dialogs and does the writes (customer_actions.go).
	*customerEdits

	groups   *customerGroups
	panel    *filterPanel // the filter panel opened last
	selected int64
	// dropUnlisted is set while a list of other customers loads (see newList).
	dropUnlisted bool
	reqSeq       int // newest list request; older answers are dropped
	debounce     *time.Timer
	// SearchDelay is how long typing must pause before the list is searched; 0
	// searches at each keystroke (tests).
	SearchDelay time.Duration
	// spawn runs slow work off the UI goroutine; tests make it synchronous.
	spawn func(func())
	// OnImport starts the import wizard.
	OnImport func()
	// OnMerged is told after two customers were merged or a merge undone.
	OnMerged func()
	// OnFollowUpsChanged is told after a contact or reminder was added on the detail
	// (the 提醒 screen reloads).
	OnFollowUpsChanged func()
	// OnGroupsChanged is told after the filter panel saved a group (分组 lists it).
	OnGroupsChanged func()
	// OnOrdersChanged is told after an order was linked or unlinked on the detail
	// (the 未关联订单, groups and reminders follow).
	OnOrdersChanged func()
}

// New builds the 客户 screen on store; now is the store's clock, maskPhones hides the
// middle of phones in the list, and spawn runs slow work off the UI goroutine (tests
// pass a synchronous one).
func New(win fyne.Window, store Store, now func() time.Time, maskPhones bool, spawn func(func())) *Screen {
	s := &Screen{win: win, store: store, now: now, maskPhones: maskPhones, SearchDelay: searchDelay, spawn: spawn}
	s.customerEdits = &customerEdits{s: s}
	s.filter = data.CustomerFilter{Sort: data.SortCreated, Desc: true}
	s.pages.reset(0, nil)
	s.table = s.newCustomerTable()

	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("customers.search"))
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = s.searchChanged
	add := widget.NewButtonWithIcon(lang.L("customers.add"), theme.ContentAddIcon(), s.AddCustomer)
	add.Importance = widget.HighImportance
	importBtn := widget.NewButtonWithIcon(lang.L("import.button"), theme.UploadIcon(), func() { s.OnImport() })
	exportBtn := widget.NewButtonWithIcon(lang.L("export.button"), theme.DownloadIcon(), s.ExportList)
	filterBtn := widget.NewButtonWithIcon(lang.L("groupsui.button"), theme.ListIcon(), s.OpenFilterPanel)
	s.count = widget.NewLabel("")
	s.groups = newCustomerGroups(s)
	toolbar := container.NewBorder(nil, s.groups.bar, nil,
		container.NewHBox(s.count, filterBtn, s.groups.toggle, importBtn, exportBtn, add), s.search)

	s.emptyMsg = ui.EmptyMessage("")
	emptyAdd := widget.NewButtonWithIcon(lang.L("customers.add"), theme.ContentAddIcon(), s.AddCustomer)
	emptyImport := widget.NewButtonWithIcon(lang.L("import.mine"), theme.UploadIcon(), func() { s.OnImport() })
	emptyImport.Importance = widget.HighImportance
	s.bought = widget.NewButtonWithIcon("", theme.SearchIcon(), nil)
	s.bought.Importance = widget.HighImportance
	s.boughtBox = container.NewCenter(s.bought)
	s.boughtBox.Hide()
	s.empty = container.NewCenter(container.NewVBox(
		widget.NewIcon(theme.AccountIcon()), s.emptyMsg, s.boughtBox,
		container.NewCenter(container.NewHBox(emptyImport, emptyAdd))))
	s.empty.Hide()
	s.listArea = container.NewStack(s.table, s.empty)

	s.detail = newCustomerDetail(now)
	s.detail.OnEdit = s.editCustomer
	s.detail.OnDelete = s.deleteCustomer
	s.detail.OnAddTrade = s.addTrade
	s.detail.OnEditTrade = s.editTrade
	s.detail.OnDeleteTrade = s.deleteTrade
	s.detail.OnLinkOrder = s.askOrder
	s.detail.OnUnlinkOrder = s.confirmUnlinkOrder
	s.detail.followUps.attach(win, store, now, spawn)
	s.detail.followUps.OnChanged = func() {
		if s.OnFollowUpsChanged != nil {
			s.OnFollowUpsChanged()
		}
	}
	s.detail.OnExportData = s.exportCustomerData
	s.detail.OnErase = s.EraseCustomer
	s.detail.OnMerge = s.mergeCustomer
	s.detail.OnUndoMerge = s.undoMerge
	s.detail.OnBlacklist = s.blacklistCustomer
	s.detail.OnUnblacklist = s.unblacklistCustomer

	split := container.NewHSplit(s.listArea, s.detail.content)
	split.SetOffset(0.66)
	s.Content = container.NewBorder(container.NewPadded(toolbar), nil, nil, nil, split)
	return s
}

// searchChanged restarts the debounce timer; the search runs when typing pauses.
func (s *Screen) searchChanged(q string) {
	if s.debounce != nil {
		s.debounce.Stop()
	}
	if s.SearchDelay == 0 {
		s.applySearch(q)
		return
	}
	s.debounce = time.AfterFunc(s.SearchDelay, func() { fyne.Do(func() { s.applySearch(q) }) })
}

func (s *Screen) applySearch(q string) {
	if q != s.search.Text { // a newer keystroke is already waiting
		return
	}
	s.filter.Query = q
	s.newList()
}

// newList reloads after the filter changed who is in the list (a search, a group):
// the detail keeps its customer only if they are among the new list's first rows,
// which is what the list shows (from its top), so it never shows a customer who is
// not in the group just opened.
func (s *Screen) newList() {
	s.dropUnlisted = true
	s.Reload()
}

// sortBy sorts by col; the same column again flips the direction. Money, counts and
// dates start with the largest / newest.
func (s *Screen) sortBy(col data.CustomerSort) {
	if s.filter.Sort == col {
		s.filter.Desc = !s.filter.Desc
	} else {
		s.filter.Sort = col
		s.filter.Desc = col == data.SortTotal || col == data.SortTrades || col == data.SortLastTrade || col == data.SortTier
	}
	s.Reload()
}

// Reload fetches the first page of the current filter off the UI goroutine.
func (s *Screen) Reload() {
	s.reqSeq++
	seq, f := s.reqSeq, s.filter
	f.Limit = pageSize
	s.spawn(func() {
		rows, total, err := s.store.FindCustomers(context.Background(), f)
		rated := false
		if err == nil {
			rated, err = s.rateIfReady(rows)
		}
		buyers, goods := 0, data.CustomerFilter{}
		if err == nil && total == 0 {
			goods, buyers, err = s.boughtInstead(f)
		}
		fyne.Do(func() {
			if seq != s.reqSeq {
				return
			}
			if err != nil {
				ui.ShowError(s.win, err)
				return
			}
			s.applyFirstPage(rows, total)
			s.offerBought(goods, buyers)
			if !rated {
				s.rateLater(rows)
			}
		})
	})
}

// boughtInstead is, for a search that found no one, the same list filtered to the
// buyers of goods containing the searched words instead, and how many they are (0
// when the search is empty or the list is already filtered by goods).
func (s *Screen) boughtInstead(f data.CustomerFilter) (data.CustomerFilter, int, error) {
	g := f.Selection()
	if strings.TrimSpace(g.Query) == "" || g.Goods != "" {
		return g, 0, nil
	}
	g.Goods, g.Query = g.Query, ""
	n, _, err := s.store.CountFiltered(context.Background(), g)
	return g, n, err
}

// offerBought shows, under a search that found no one, the button to the n buyers of
// the goods filter g instead; n 0 hides it.
func (s *Screen) offerBought(g data.CustomerFilter, n int) {
	if n == 0 {
		s.boughtBox.Hide()
		return
	}
	words := map[string]any{"Count": n, "Goods": g.Goods}
	s.bought.SetText(lang.L("customers.bought_offer", words))
	s.bought.OnTapped = func() {
		s.groups.show(g, lang.L("customers.bought_group", words))
	}
	s.boughtBox.Show()
}

func (s *Screen) applyFirstPage(rows []*data.Customer, total int) {
	s.showFromTop() // while the old list is still in place: see showFromTop
	s.pages.reset(total, rows)
	s.count.SetText(lang.L("customers.count", map[string]any{"Count": total}))
	switch {
	case total == 0 && s.filter.Query == "" && !s.groups.filtered():
		s.emptyMsg.SetText(lang.L("customers.empty"))
		s.empty.Show()
		s.table.Hide()
	case total == 0:
		s.emptyMsg.SetText(s.groups.noMatchText())
		s.empty.Show()
		s.table.Hide()
	default:
		s.empty.Hide()
		s.table.Show()
	}
	s.table.UnselectAll()
	s.table.Refresh()
	listed := false
	for i, c := range rows {
		if c.ID == s.selected {
			listed = true
			s.table.Select(widget.TableCellID{Row: i, Col: 0})
		}
	}
	if s.dropUnlisted && !listed && s.selected != 0 {
		s.selected = 0
		s.detail.clear()
	}
	s.dropUnlisted = false
}

// showFromTop moves the view to the first row before a new list (a new sort, search
// or group) replaces the old one: the old scroll offset means nothing in the new
// order. It goes through ScrollToOffset, which moves the table's cells and its
// scroller together; Table.ScrollToTop (Fyne 2.7.1) moves only the cells, so the
// scroller kept showing the old place, where no cell was drawn any more, and the
// grid stayed blank until the seller scrolled. It runs while the old list is still in
// place because the scroller redraws the cells at the old offset before it takes the
// new one when the row count has changed: with the new list already in the cache, that
// fetched a far page of it that no one looks at. The old list's page 0 is always
// cached, so scrolling to it fetches nothing. The list starts at its left edge too,
// as a new list does.
func (s *Screen) showFromTop() {
	s.table.ScrollToOffset(fyne.Position{})
}

// fetchPage loads one more page when it scrolls into view.
func (s *Screen) fetchPage(page int) {
	if s.pages.loading[page] {
		return
	}
	s.pages.loading[page] = true
	gen, f := s.pages.gen, s.filter
	f.Limit, f.Offset = pageSize, page*pageSize
	s.spawn(func() {
		var rows []*data.Customer
		err := s.store.EachCustomer(context.Background(), f, func(c *data.Customer) error {
			rows = append(rows, c)
			return nil
		})
		rated := false
		if err == nil {
			rated, err = s.rateIfReady(rows)
		}
		fyne.Do(func() {
			if gen != s.pages.gen {
				return
			}
			delete(s.pages.loading, page)
			if err != nil {
				ui.ShowError(s.win, err)
				return
			}
			s.pages.keep(page, rows)
			s.table.Refresh()
			if !rated {
				s.rateLater(rows)
			}
		})
	})
}

// ShowCustomer shows a customer's detail, fetched off the UI goroutine.
func (s *Screen) ShowCustomer(id int64) {
	s.selected = id
	s.spawn(func() {
		ctx := context.Background()
		c, err := s.store.FindCustomerByID(ctx, id)
		var trades []*data.Trade
		var merges []*data.CustomerMerge
		var tiers []*data.Tier
		if err == nil {
			trades, err = s.store.FindTrades(ctx, id)
		}
		if err == nil {
			tiers, err = s.store.Tiers(ctx)
		}
		if err == nil {
			merges, err = s.store.FindMerges(ctx, id)
		}
		if err == nil {
			err = s.rate([]*data.Customer{c})
		}
		fyne.Do(func() {
			if id != s.selected {
				return
			}
			if errors.Is(err, data.ErrNotFound) {
				s.selected = 0
				s.detail.clear()
				return
			}
			if err != nil {
				ui.ShowError(s.win, err)
				return
			}
			s.detail.merges, s.detail.tiers = merges, tiers
			s.detail.show(c, trades)
		})
	})
}

// Refresh reloads the list and the selected customer after a write (here or elsewhere).
func (s *Screen) Refresh() {
	s.Reload()
	if s.selected != 0 {
		s.ShowCustomer(s.selected)
	}
}

// SetMaskPhones switches phone masking in the list (the privacy setting).
func (s *Screen) SetMaskPhones(on bool) {
	s.maskPhones = on
	s.table.Refresh()
}

// Selected is the id of the customer whose detail is shown, 0 for none.
func (s *Screen) Selected() int64 { return s.selected }

// ShowGroup filters the list to one group, named label (the zero filter shows everyone).
func (s *Screen) ShowGroup(f data.CustomerFilter, label string) { s.groups.show(f, label) }

// SavedGroupChanged follows a saved group renamed (now) or deleted (now nil) on 分组
// when the list shows it: the banner takes the new name, or the list shows everyone
// (the search stays).
func (s *Screen) SavedGroupChanged(old data.SavedGroup, now *data.SavedGroup) {
	if s.groups.name != old.Name || s.filter.Selection() != withQuery(old.Filter, s.filter.Query) {
		return
	}
	if now == nil {
		s.groups.showAll()
		return
	}
	s.groups.name = now.Name
	s.groups.label.SetText(lang.L("customers.filter.showing", map[string]any{"Group": now.Name}))
}

// withQuery is f's selection with the search text q.
func withQuery(f data.CustomerFilter, q string) data.CustomerFilter {
	f = f.Selection()
	f.Query = q
	return f
}

// OpenFilterPanel opens 筛选 on the conditions the list shows now.
func (s *Screen) OpenFilterPanel() { s.openFilterPanel(s.filter.Selection(), nil) }

// EditGroup opens 筛选 on a saved group's conditions (分组's 修改条件); saving there
// updates that group.
func (s *Screen) EditGroup(g *data.SavedGroup) { s.openFilterPanel(g.Filter, g) }

// FocusSearch puts the keyboard focus in the search box.
func (s *Screen) FocusSearch() { s.win.Canvas().Focus(s.search) }
