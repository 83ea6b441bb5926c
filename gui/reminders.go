package gui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// upcomingDays is how far ahead the 未来7天 tab looks.
const upcomingDays = 7

// reminderScreen is 提醒: 逾期 / 今日 / 未来7天, each grouped by kind, with the actions
// 复制话术, 完成, 稍后提醒, 忽略 and 打开客户 on every row.
type reminderScreen struct {
	app   fyne.App
	win   fyne.Window
	store *sqlite.Store
	spawn func(func())

	heading *widget.Label
	status  *widget.Label
	tabs    *container.AppTabs
	lists   [3]*reminderList
	content *badgedContent

	today  time.Time
	agenda *data.Agenda
	// notified is the day the last desktop notification was sent, checked the last
	// day the notification was considered; started is set after the start-up load.
	notified, checked time.Time
	started, fresh    bool

	// OnOpenCustomer shows a customer on the 客户 screen; OnChanged is told after a
	// reminder was handled (a contact may have been written).
	OnOpenCustomer func(id int64)
	OnChanged      func(customerID int64)
	// OnDue is told once, at the first load, when something is due today.
	OnDue func()
}

func newReminderScreen(a fyne.App, win fyne.Window, store *sqlite.Store, spawn func(func())) *reminderScreen {
	s := &reminderScreen{app: a, win: win, store: store, spawn: spawn}
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.status = widget.NewLabel("")
	s.status.Importance = widget.SuccessImportance
	s.status.Truncation = fyne.TextTruncateEllipsis
	refresh := widget.NewButtonWithIcon(lang.L("reminders.action.refresh"), theme.ViewRefreshIcon(), s.reload)
	empties := []string{"reminders.empty.overdue", "reminders.empty.today", "reminders.empty.upcoming"}
	var items []*container.TabItem
	for i := range s.lists {
		s.lists[i] = newReminderList(s, lang.L(empties[i]))
		items = append(items, container.NewTabItem("", s.lists[i].content))
	}
	s.tabs = container.NewAppTabs(items...)
	top := container.NewBorder(nil, nil, s.heading, refresh, s.status)
	s.content = newBadgedContent(container.NewBorder(container.NewPadded(top), nil, nil, nil, s.tabs))
	s.setAgenda(&data.Agenda{}, s.store.Today())
	s.tabs.SelectIndex(1)
	return s
}

// reload fetches the agenda of today off the UI goroutine.
func (s *reminderScreen) reload() { s.load(nil) }

// shown reloads when the screen is chosen, unless the agenda was loaded just before.
func (s *reminderScreen) shown() {
	if s.fresh {
		s.fresh = false
		return
	}
	s.reload()
}

// load fetches the agenda off the UI goroutine, shows it and then runs then (if any)
// on the UI goroutine.
func (s *reminderScreen) load(then func()) {
	s.spawn(func() {
		today := s.store.Today()
		a, err := s.store.Agenda(context.Background(), today, upcomingDays)
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(s.win, err)
				return
			}
			s.setAgenda(a, today)
			if then != nil {
				then()
			}
		})
	})
}

func (s *reminderScreen) setAgenda(a *data.Agenda, today time.Time) {
	s.agenda, s.today = a, today
	for i, rs := range [][]*data.Reminder{a.Overdue, a.Today, a.Upcoming} {
		s.lists[i].set(rs)
	}
	s.tabs.Items[0].Text = lang.L("reminders.tab.overdue", map[string]any{"Count": len(a.Overdue)})
	s.tabs.Items[1].Text = lang.L("reminders.tab.today", map[string]any{"Count": len(a.Today)})
	s.tabs.Items[2].Text = lang.L("reminders.tab.upcoming", map[string]any{"Count": len(a.Upcoming)})
	s.tabs.Refresh()
	n := a.DueCount()
	s.heading.SetText(lang.L("reminders.heading", map[string]any{"Date": today.Format(data.DateLayout), "Count": n}))
	badge := ""
	if n > 0 {
		badge = fmt.Sprintf(" (%d)", n)
	}
	s.content.setBadge(badge)
}

// notifyOnce sends the desktop notification with the day's count, once a day.
func (s *reminderScreen) notifyOnce() {
	if s.notified.Equal(s.today) || s.agenda == nil || s.agenda.DueCount() == 0 {
		return
	}
	s.notified = s.today
	s.app.SendNotification(fyne.NewNotification(lang.L("reminders.notify.title"),
		lang.L("reminders.notify.body", map[string]any{"Count": s.agenda.DueCount()})))
}

// watchDays reloads and notifies when the app is started and whenever the day
// changes while it runs.
func (s *reminderScreen) watchDays() {
	go func() {
		for range time.Tick(10 * time.Minute) {
			today := s.store.Today()
			fyne.Do(func() {
				if !today.Equal(s.checked) {
					s.reloadAndNotify()
				}
			})
		}
	}()
}

// reloadAndNotify reloads the agenda, then sends the day's notification; after the
// start-up load it tells OnDue when something is due.
func (s *reminderScreen) reloadAndNotify() {
	s.load(func() {
		first := !s.started
		s.started, s.checked = true, s.today
		s.notifyOnce()
		if first && s.agenda.DueCount() > 0 && s.OnDue != nil {
			s.fresh = true // just loaded: showing the screen need not load again
			s.OnDue()
		}
	})
}

// badgedContent is a screen whose navigation button shows a count ("提醒 (5)").
type badgedContent struct {
	widget.BaseWidget
	obj      fyne.CanvasObject
	text     string
	onChange func(string)
}

func newBadgedContent(obj fyne.CanvasObject) *badgedContent {
	b := &badgedContent{obj: obj}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer shows the wrapped content.
func (b *badgedContent) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.obj) }

func (b *badgedContent) setBadge(text string) {
	b.text = text
	if b.onChange != nil {
		b.onChange(text)
	}
}

// onBadge is how the navigation rail follows the count (see navigation in app.go).
func (b *badgedContent) onBadge(fn func(string)) {
	b.onChange = fn
	fn(b.text)
}

// reminderList is one tab: reminders grouped under a header per kind.
type reminderList struct {
	s     *reminderScreen
	items []reminderItem
	list  *widget.List
	empty *widget.Label
	// content holds the list and the empty-state hint.
	content fyne.CanvasObject
}

// reminderItem is a kind header (r nil: the kind's name and what it is for) or a
// reminder row. Headers are as high as rows: a list of varying heights lays out in
// time proportional to its length at every change.
type reminderItem struct {
	header, hint string
	r            *data.Reminder
}

func newReminderList(s *reminderScreen, emptyText string) *reminderList {
	l := &reminderList{s: s}
	l.list = widget.NewList(func() int { return len(l.items) }, newReminderRow, l.updateRow)
	l.empty = widget.NewLabel(emptyText)
	l.empty.Alignment = fyne.TextAlignCenter
	l.content = container.NewStack(l.list, container.NewCenter(l.empty))
	return l
}

// set groups rs by kind (in data.ReminderKinds order) behind headers.
func (l *reminderList) set(rs []*data.Reminder) {
	l.items = l.items[:0]
	for _, k := range data.ReminderKinds {
		var group []*data.Reminder
		for _, r := range rs {
			if r.Kind == k {
				group = append(group, r)
			}
		}
		if len(group) == 0 {
			continue
		}
		l.items = append(l.items, reminderItem{header: lang.L("reminders.group",
			map[string]any{"Kind": i18n.ReminderKindName(k), "Count": len(group)}), hint: lang.L("reminders.hint." + string(k))})
		for _, r := range group {
			l.items = append(l.items, reminderItem{r: r})
		}
	}
	l.empty.Hidden = len(rs) > 0
	l.empty.Refresh()
	l.list.UnselectAll()
	l.list.Refresh()
}

// newReminderRow is the template: who and what on the left, the actions on the right.
func newReminderRow() fyne.CanvasObject {
	who := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	who.Truncation = fyne.TextTruncateEllipsis
	what := widget.NewLabel("")
	what.Truncation = fyne.TextTruncateEllipsis
	what.SizeName = theme.SizeNameCaptionText
	copyBtn := widget.NewButtonWithIcon(lang.L("reminders.action.copy"), theme.ContentCopyIcon(), nil)
	copyBtn.Importance = widget.HighImportance
	done := widget.NewButtonWithIcon(lang.L("reminders.action.done"), theme.ConfirmIcon(), nil)
	snooze := widget.NewButtonWithIcon(lang.L("reminders.action.snooze"), theme.HistoryIcon(), nil)
	dismiss := widget.NewButtonWithIcon(lang.L("reminders.action.dismiss"), theme.CancelIcon(), nil)
	dismiss.Importance = widget.LowImportance
	open := widget.NewButtonWithIcon(lang.L("reminders.action.open"), theme.AccountIcon(), nil)
	open.Importance = widget.LowImportance
	actions := container.NewHBox(copyBtn, done, snooze, dismiss, open)
	return container.NewBorder(nil, nil, nil, actions, container.New(layout.NewCustomPaddedVBoxLayout(-12), who, what))
}

func (l *reminderList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(l.items) {
		return
	}
	item := l.items[i]
	row := o.(*fyne.Container)
	texts, actions := row.Objects[0].(*fyne.Container), row.Objects[1].(*fyne.Container)
	who, what := texts.Objects[0].(*widget.Label), texts.Objects[1].(*widget.Label)
	if item.r == nil {
		who.SetText(item.header)
		what.SetText(item.hint)
		actions.Hide()
		return
	}
	r := item.r
	actions.Show()
	name := r.DisplayName()
	if r.CustomerID == 0 {
		name = i18n.HolidayName(r.EventKey)
	} else if r.Name != "" && r.Nick != "" && r.Name != r.Nick {
		name += "（" + r.Name + "）"
	}
	who.SetText(name)
	text := i18n.ReminderKindName(r.Kind) + " · " + r.Event.Format(data.DateLayout) + "（" +
		i18n.ReminderWhen(r.Event, l.s.today) + "） · " + i18n.ReminderDetail(r)
	if r.Snoozed {
		text += " " + lang.L("reminders.snoozed")
	}
	what.SetText(text)
	buttons := actions.Objects
	buttons[0].(*widget.Button).OnTapped = func() { l.s.copyMessage(r) }
	buttons[1].(*widget.Button).OnTapped = func() { l.s.complete(r) }
	snooze := buttons[2].(*widget.Button)
	snooze.OnTapped = func() { l.s.askSnooze(r, snooze) }
	buttons[3].(*widget.Button).OnTapped = func() { l.s.dismiss(r) }
	open := buttons[4].(*widget.Button)
	open.OnTapped = func() { l.s.OnOpenCustomer(r.CustomerID) }
	open.Hidden = r.CustomerID == 0
	open.Refresh()
}

// openCustomer shows a customer's detail on the 客户 screen.
func (g *App) openCustomer(id int64) {
	g.showScreen(g.customers.content)
	g.customers.selectCustomer(id)
}

// customerChanged refreshes the customer detail after a reminder of that customer
// was handled (its contact log grew).
func (g *App) customerChanged(id int64) {
	if id != 0 && g.customers.selected == id {
		g.customers.selectCustomer(id)
	}
}
