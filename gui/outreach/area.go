package outreach

import (
	"context"
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

// Area starts queues and message sheets, and offers the unfinished queues for
// resuming above every screen it wraps (分组 and 提醒, where queues start).
type Area struct {
	win   fyne.Window
	store Store
	spawn func(func())
	// OnSent is told after a message to a customer was logged (their contact log grew).
	OnSent func(customerID int64)
	// Now is the clock Enter's pause after a buyer comes up is measured on (a test
	// moves it on).
	Now func() time.Time

	bars   []*fyne.Container // the resume offers, one box per wrapped screen
	frames []*fyne.Container // what Wrap made: laid out again when the offers change
	runs   []*data.OutreachRun
	now    func() time.Time // the clock Enter's pause is measured on
}

// New makes the area on store; spawn runs slow work off the UI goroutine (tests pass
// a synchronous one). Call Reload once the window is up.
func New(win fyne.Window, store Store, spawn func(func())) *Area {
	return &Area{win: win, store: store, spawn: spawn, Now: time.Now}
}

// Wrap puts the offers to resume unfinished queues above content.
func (a *Area) Wrap(content fyne.CanvasObject) fyne.CanvasObject {
	bar := container.NewVBox()
	a.bars = append(a.bars, bar)
	a.fill(bar)
	frame := container.NewBorder(bar, nil, nil, nil, content)
	a.frames = append(a.frames, frame)
	return frame
}

// Reload reads the unfinished queues again and offers them.
func (a *Area) Reload() {
	a.spawn(func() {
		runs, err := a.store.OpenOutreachRuns(context.Background())
		fyne.Do(func() {
			if err != nil {
				ui.ShowError(a.win, err)
				return
			}
			a.runs = runs
			for i, bar := range a.bars {
				a.fill(bar)
				a.frames[i].Refresh() // the offers' height changed: lay the screen out again
			}
		})
	})
}

// fill shows one line per unfinished queue: 继续发送：春节问候，还剩 N 位 [继续] [结束].
func (a *Area) fill(bar *fyne.Container) {
	bar.RemoveAll()
	for _, r := range a.runs {
		r := r
		text := widget.NewLabel(resumeText(r))
		text.Truncation = fyne.TextTruncateEllipsis
		resume := widget.NewButtonWithIcon(lang.L("outreach.resume.button"), theme.MediaPlayIcon(), func() { a.Resume(r.ID) })
		resume.Importance = widget.HighImportance
		end := widget.NewButton(lang.L("outreach.resume.close"), func() { a.askFinish(r) })
		end.Importance = widget.LowImportance
		bar.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.MailSendIcon()), container.NewHBox(resume, end), text))
	}
	bar.Hidden = len(a.runs) == 0
	bar.Refresh()
}

func resumeText(r *data.OutreachRun) string {
	return lang.L("outreach.resume", map[string]any{"Label": r.Label, "Pending": r.Pending})
}

// askFinish ends an unfinished queue after the seller confirms.
func (a *Area) askFinish(r *data.OutreachRun) {
	ui.Confirm(a.win, lang.L("outreach.resume.close"), lang.L("outreach.close_confirm",
		map[string]any{"Pending": r.Pending, "Label": r.Label}), lang.L("outreach.resume.close"), func() {
		if err := a.store.FinishOutreach(context.Background(), r.ID); err != nil {
			ui.ShowError(a.win, err)
		}
		a.Reload()
	})
}

// Resume opens the queue of run id at its next pending buyer.
func (a *Area) Resume(id int64) {
	run, err := a.store.OutreachRun(context.Background(), id)
	if err != nil {
		ui.ShowError(a.win, err)
		return
	}
	a.openQueue(run)
}

// StartGroup asks for the message and starts a queue over a group's buyers.
func (a *Area) StartGroup(f data.CustomerFilter, label string) {
	a.prepare(f, label, "", data.KindCustom, false, nil)
}

// StartHoliday asks for the message and starts a queue over a holiday greeting's
// buyers (the holiday rule's targets); started (optional) is told once the queue is
// made, when the greeting has become the queue's to finish.
func (a *Area) StartHoliday(holiday string, started func()) {
	a.prepare(data.CustomerFilter{}, "", holiday, data.KindHoliday, false, started)
}

// SheetGroup asks for the message and a file, and exports a group's message sheet.
func (a *Area) SheetGroup(f data.CustomerFilter, label string) {
	a.prepare(f, label, "", data.KindCustom, true, nil)
}

// start makes the run off the UI goroutine and opens it (telling started, if set); a
// run with no one to send to says so, with whom it left out.
func (a *Area) start(spec data.OutreachSpec, started func()) {
	// A large group takes a few seconds to put in order: say so meanwhile.
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(spec.Label, container.NewVBox(widget.NewLabel(lang.L("outreach.preparing")), bar), a.win)
	wait.Show()
	a.spawn(func() {
		run, err := a.store.StartOutreach(context.Background(), spec)
		fyne.Do(func() {
			bar.Stop()
			wait.Hide()
			if err != nil {
				ui.ShowError(a.win, err)
				return
			}
			if started != nil {
				started()
			}
			if run.Pending == 0 {
				dialog.ShowInformation(run.Label, joinLines(lang.L("outreach.nobody"), leftOutText(run.LeftOut)), a.win)
				return
			}
			a.Reload()
			a.openQueue(run)
		})
	})
}
