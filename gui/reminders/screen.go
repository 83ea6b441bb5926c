package reminders

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
)

// upcomingDays is how far ahead the 未来7天 tab looks.
const upcomingDays = 7

// Screen is 提醒: 逾期 / 今日 / 未来7天, each grouped by kind, with the actions
// 复制话术, 完成, 稍后提醒, 忽略 and 打开客户 on every row.
type Screen struct {
	app   fyne.App
	win   fyne.Window
	store Store
	spawn func(func())

	heading *widget.Label
	// status says what the last action did; undo (shown after 完成, 稍后提醒 and 忽略)
	// takes it back.
	status  *widget.Label
	undo    *widget.Button
	undoSeq int // the action 撤销 is offered for; a later one replaces it
	tabs    *container.AppTabs
	lists   [3]*reminderList
	// held says what the frequency cap holds back; heldDialog is its list when shown.
	held       *heldBar
	heldDialog dialog.Dialog
	body       *fyne.Container // the screen's layout, laid out again when the held bar comes or goes
	// Content is the screen, for the navigation rail; it carries the due count as a badge.
	Content *ui.BadgedContent
	frame   *fyne.Container // inside Content: the screen, and whatever Wrap put around it

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
	// OnOutreach sends a holiday greeting to its buyers one by one (逐个发送).
	OnOutreach func(r *data.Reminder)
	// OnDue is told once, at the first load, when something is due today.
	OnDue func()
}

// New builds the screen on store; a is the app that sends notifications and spawn
// runs slow work off the UI goroutine (tests pass a synchronous one).
func New(a fyne.App, win fyne.Window, store Store, spawn func(func())) *Screen {
	s := &Screen{app: a, win: win, store: store, spawn: spawn}
	s.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.status = widget.NewLabel("")
	s.status.Importance = widget.SuccessImportance
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.undo = widget.NewButtonWithIcon(lang.L("reminders.undo"), theme.ContentUndoIcon(), nil)
	s.undo.Hide()
	refresh := widget.NewButtonWithIcon(lang.L("reminders.action.refresh"), theme.ViewRefreshIcon(), s.Reload)
	empties := []string{"reminders.empty.overdue", "reminders.empty.today", "reminders.empty.upcoming"}
	var items []*container.TabItem
	for i := range s.lists {
		s.lists[i] = newReminderList(s, lang.L(empties[i]))
		items = append(items, container.NewTabItem("", s.lists[i].content))
	}
	s.tabs = container.NewAppTabs(items...)
	s.held = newHeldBar(s)
	top := container.NewVBox(container.NewBorder(nil, nil, s.heading, container.NewHBox(s.undo, refresh), s.status), s.held.content)
	s.body = container.NewBorder(container.NewPadded(top), nil, nil, nil, s.tabs)
	s.frame = container.NewStack(s.body)
	s.Content = ui.NewBadgedContent(s.frame)
	s.setAgenda(&data.Agenda{}, s.store.Today())
	s.tabs.SelectIndex(1)
	return s
}

// Wrap puts wrap's frame around the screen (the unfinished outreach queues to
// resume, above it); Content and its badge stay.
func (s *Screen) Wrap(wrap func(fyne.CanvasObject) fyne.CanvasObject) {
	s.frame.Objects = []fyne.CanvasObject{wrap(s.frame.Objects[0])}
	s.frame.Refresh()
}

// Reload fetches the agenda of today off the UI goroutine.
func (s *Screen) Reload() { s.load(nil) }

// Shown reloads when the screen is chosen, unless the agenda was loaded just before.
func (s *Screen) Shown() {
	if s.fresh {
		s.fresh = false
		return
	}
	s.Reload()
}

// load fetches the agenda off the UI goroutine, shows it and then runs then (if any)
// on the UI goroutine.
func (s *Screen) load(then func()) {
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

func (s *Screen) setAgenda(a *data.Agenda, today time.Time) {
	s.agenda, s.today = a, today
	for i, rs := range [][]*data.Reminder{a.Overdue, a.Today, a.Upcoming} {
		s.lists[i].set(rs)
	}
	s.tabs.Items[0].Text = lang.L("reminders.tab.overdue", map[string]any{"Count": len(a.Overdue)})
	s.tabs.Items[1].Text = lang.L("reminders.tab.today", map[string]any{"Count": len(a.Today)})
	s.tabs.Items[2].Text = lang.L("reminders.tab.upcoming", map[string]any{"Count": len(a.Upcoming)})
	s.tabs.Refresh()
	s.held.set(a.Held)
	n := a.DueCount()
	s.heading.SetText(lang.L("reminders.heading", map[string]any{"Date": today.Format(data.DateLayout), "Count": n}))
	badge := ""
	if n > 0 {
		badge = fmt.Sprintf(" (%d)", n)
	}
	s.Content.SetBadge(badge)
}

// notifyOnce sends the desktop notification with the day's count, once a day.
func (s *Screen) notifyOnce() {
	if s.notified.Equal(s.today) || s.agenda == nil || s.agenda.DueCount() == 0 {
		return
	}
	s.notified = s.today
	s.app.SendNotification(fyne.NewNotification(lang.L("reminders.notify.title"),
		lang.L("reminders.notify.body", map[string]any{"Count": s.agenda.DueCount()})))
}

// ReloadOnNewDay reloads the agenda and sends the day's notification when the
// store's day is no longer the one last loaded (a window left open overnight); the
// shell calls it every few minutes.
func (s *Screen) ReloadOnNewDay() {
	if !s.store.Today().Equal(s.checked) {
		s.ReloadAndNotify()
	}
}

// ReloadAndNotify reloads the agenda, then sends the day's notification; after the
// start-up load it tells OnDue when something is due.
func (s *Screen) ReloadAndNotify() {
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

// Agenda is the agenda shown now.
func (s *Screen) Agenda() *data.Agenda { return s.agenda }
