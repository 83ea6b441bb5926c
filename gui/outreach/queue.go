package outreach

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// enterPause is how long a buyer is on screen before Enter counts: a key held down or
// pressed twice must not mark the next buyer sent before the seller saw them.
const enterPause = 400 * time.Millisecond

// queue is the open 逐个发送 dialog: one buyer at a time.
type queue struct {
	a       *Area
	run     *data.OutreachRun
	item    *data.OutreachItem
	last    *data.OutreachItem // the buyer sent or skipped just before: 撤销上一位 brings them back
	message string
	shownAt time.Time

	d                          dialog.Dialog
	progress, left, who, value *widget.Label
	sendTo, id                 *widget.Label
	text                       *ui.WrapLabel
	status                     *widget.Label
	copyID, sent, skip, stopB  *widget.Button
	undo                       *widget.Button
	keyBefore                  func(*fyne.KeyEvent)
}

// openQueue shows run's dialog at its next pending buyer.
func (a *Area) openQueue(run *data.OutreachRun) {
	q := &queue{a: a, run: run}
	q.build()
	if !q.next() {
		return
	}
	c := a.win.Canvas()
	q.keyBefore = c.OnTypedKey()
	c.SetOnTypedKey(q.typedKey)
	q.d.SetOnClosed(func() { c.SetOnTypedKey(q.keyBefore) })
	q.d.Show()
	c.Unfocus()
}

func (q *queue) build() {
	q.progress = widget.NewLabel("")
	q.progress.SizeName = theme.SizeNameCaptionText
	q.left = widget.NewLabel("") // who was left out, and why
	q.left.SizeName = theme.SizeNameCaptionText
	q.left.Wrapping = fyne.TextWrapWord
	q.who = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	q.who.SizeName = theme.SizeNameSubHeadingText
	q.who.Truncation = fyne.TextTruncateEllipsis
	q.value = widget.NewLabel("")
	q.sendTo = widget.NewLabel("")
	q.id = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	q.copyID = widget.NewButtonWithIcon(lang.L("outreach.copy_id"), theme.ContentCopyIcon(), func() {
		id, _ := q.item.Reach()
		fyne.CurrentApp().Clipboard().SetContent(id)
		q.status.SetText(lang.L("outreach.id_copied"))
	})
	q.copyID.Importance = widget.LowImportance
	q.text = ui.NewWrapLabel("")
	q.status = widget.NewLabel("")
	q.status.Wrapping = fyne.TextWrapWord
	copyMsg := widget.NewButtonWithIcon(lang.L("outreach.copy_message"), theme.ContentCopyIcon(), q.copyMessage)
	copyMsg.Importance = widget.LowImportance
	q.sent = widget.NewButtonWithIcon(lang.L("outreach.sent"), theme.ConfirmIcon(), q.send)
	q.sent.Importance = widget.HighImportance
	q.skip = widget.NewButtonWithIcon(lang.L("outreach.skip"), theme.MediaSkipNextIcon(), q.skipItem)
	q.stopB = widget.NewButtonWithIcon(lang.L("outreach.stop"), theme.MediaStopIcon(), q.stop)
	q.undo = widget.NewButtonWithIcon(lang.L("outreach.undo"), theme.ContentUndoIcon(), q.undoLast)
	q.undo.Importance = widget.LowImportance
	q.undo.Disable()
	top := container.NewVBox(q.progress, q.left, container.NewBorder(nil, nil, nil, q.value, q.who),
		container.NewBorder(nil, nil, q.sendTo, q.copyID, q.id), widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(), q.status,
		container.NewBorder(nil, nil, container.NewHBox(q.stopB, q.undo), container.NewHBox(q.skip, q.sent), copyMsg))
	content := container.NewBorder(top, bottom, nil, nil, container.NewVScroll(q.text))
	q.d = dialog.NewCustomWithoutButtons(lang.L("outreach.prepare.title", map[string]any{"Label": q.run.Label}), content, q.a.win)
	q.d.Resize(fyne.NewSize(720, 520))
}

// typedKey is Enter = 已发送 and Esc = 停止, while no field has the keyboard.
func (q *queue) typedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if q.a.Now().Sub(q.shownAt) >= enterPause {
			q.send()
		}
		return
	case fyne.KeyEscape:
		q.stop()
		return
	}
	if q.keyBefore != nil {
		q.keyBefore(k)
	}
}

// next shows the next pending buyer with their message on the clipboard; with none
// left it closes the queue with its summary and reports false.
func (q *queue) next() bool {
	ctx := context.Background()
	it, err := q.a.store.NextOutreach(ctx, q.run.ID)
	if err == nil && it != nil {
		q.message, err = q.a.store.OutreachMessage(ctx, q.run, it, i18n.GapWords(ui.Currency()))
	}
	if err == nil {
		err = q.refreshRun()
	}
	if err != nil {
		q.d.Hide()
		ui.ShowError(q.a.win, err)
		return false
	}
	if it == nil {
		q.finish()
		return false
	}
	q.item = it
	q.show()
	return true
}

// refreshRun reads the run's counts again.
func (q *queue) refreshRun() error {
	run, err := q.a.store.OutreachRun(context.Background(), q.run.ID)
	if err == nil {
		q.run = run
	}
	return err
}

// show puts the buyer on screen and their message on the clipboard.
func (q *queue) show() {
	it := q.item
	q.progress.SetText(lang.L("outreach.progress", map[string]any{"Position": q.run.Sent + q.run.Skipped + 1,
		"Total": q.run.Total(), "Sent": q.run.Sent, "Skipped": q.run.Skipped}))
	q.left.SetText(leftOutText(q.run.LeftOut))
	q.left.Hidden = q.left.Text == ""
	q.who.SetText(displayName(it) + " · " + i18n.PlatformName(it.Platform))
	q.value.SetText(lang.L("outreach.value", map[string]any{"Total": ui.Money(it.TotalFen), "Trades": it.Trades}))
	id, ch := it.Reach()
	channel := lang.L("channel." + string(ch))
	if id == "" {
		q.sendTo.SetText("")
		q.id.SetText(lang.L("outreach.no_id"))
		q.copyID.Hide()
	} else {
		q.sendTo.SetText(lang.L("outreach.send_to", map[string]any{"Channel": channel}))
		q.id.SetText(id)
		q.copyID.Show()
	}
	q.text.SetText(q.message)
	fyne.CurrentApp().Clipboard().SetContent(q.message)
	q.status.SetText(lang.L("outreach.copied", map[string]any{"Channel": channel}))
	q.shownAt = q.a.Now()
}

func (q *queue) copyMessage() {
	fyne.CurrentApp().Clipboard().SetContent(q.message)
	q.status.SetText(lang.L("outreach.copied", map[string]any{"Channel": lang.L("channel." + string(q.channel()))}))
}

func (q *queue) channel() data.Channel {
	_, ch := q.item.Reach()
	return ch
}

// send logs the message to the buyer on screen and moves on.
func (q *queue) send() {
	q.handle(func(ctx context.Context, it *data.OutreachItem) error {
		_, err := q.a.store.SendOutreach(ctx, q.run, it, q.message)
		return err
	})
}

// skipItem moves on without a contact.
func (q *queue) skipItem() {
	q.handle(func(ctx context.Context, it *data.OutreachItem) error { return q.a.store.SkipOutreach(ctx, it) })
}

// handle does do (send or skip) to the buyer on screen, remembers them for 撤销上一位
// and moves on. A buyer already handled (by another window) is passed over, never
// handled twice.
func (q *queue) handle(do func(ctx context.Context, it *data.OutreachItem) error) {
	it := q.item
	if it == nil {
		return
	}
	err := do(context.Background(), it)
	if err != nil && !errors.Is(err, data.ErrConflict) {
		ui.ShowError(q.a.win, err)
		return
	}
	q.item = nil
	if err == nil {
		q.handled(it)
	}
	q.next()
}

// displayName is the buyer as the queue names them: nick（name）, or either one.
func displayName(it *data.OutreachItem) string {
	switch {
	case it.Nick == "":
		return it.Name
	case it.Name != "" && it.Name != it.Nick:
		return it.Nick + "（" + it.Name + "）"
	}
	return it.Nick
}

// handled remembers it, just sent or skipped, for 撤销上一位, and tells OnSent about
// the contact a send wrote.
func (q *queue) handled(it *data.OutreachItem) {
	q.last = it
	q.undo.Enable()
	q.contactChanged(it)
}

// contactChanged tells OnSent that it's contacts changed, when it was sent.
func (q *queue) contactChanged(it *data.OutreachItem) {
	if it.State == data.OutreachSent && q.a.OnSent != nil {
		q.a.OnSent(it.CustomerID)
	}
}

// undoLast brings the buyer sent or skipped just before back (ReopenOutreach: the
// contact a send logged is removed) and shows them again.
func (q *queue) undoLast() {
	it := q.last
	if it == nil {
		return
	}
	was := *it
	if err := q.a.store.ReopenOutreach(context.Background(), it); err != nil {
		ui.ShowError(q.a.win, err)
		return
	}
	q.last = nil
	q.undo.Disable()
	q.contactChanged(&was)
	q.item = nil
	if q.next() {
		q.status.SetText(lang.L("outreach.undone", map[string]any{"Name": displayName(it)}))
	}
}

// stop closes the dialog; the queue stays offered for resuming.
func (q *queue) stop() {
	q.item = nil
	q.d.Hide()
	if err := q.refreshRun(); err != nil {
		ui.ShowError(q.a.win, err)
		return
	}
	dialog.ShowInformation(q.run.Label, lang.L("outreach.stopped", map[string]any{"Pending": q.run.Pending}), q.a.win)
	q.a.Reload()
}

// finish closes the dialog with the run's summary: sent, skipped, left out by reason.
func (q *queue) finish() {
	q.d.Hide()
	summary := lang.L("outreach.summary", map[string]any{"Label": q.run.Label, "Sent": q.run.Sent, "Skipped": q.run.Skipped})
	dialog.ShowInformation(lang.L("outreach.done.title"), joinLines(summary, leftOutText(q.run.LeftOut)), q.a.win)
	q.a.Reload()
}
