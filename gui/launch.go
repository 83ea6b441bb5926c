package gui

import (
	"context"
	"errors"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/data/folder"
	"shopcrm/data/sqlite"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// Launcher opens the data folder and shows the main window, first dealing with what
// can stop a start: another ShopCRM on the same folder, a damaged database (offering
// the newest good backup instead of opening it), a read-only folder or full disk, and
// the app lock password. It takes the day's first backup once the window is up.
type Launcher struct {
	a          fyne.App
	dir        string
	importPath string
	spawn      func(func())
	gate       fyne.Window // the small start window, while one is needed
	store      *sqlite.Store
	// handoff takes the sheets a later start on the same folder hands over; pending
	// holds those handed over before the main window is up (the lock screen).
	handoff *folder.Handoff
	pending []string
	// Main is the main window once the data is open (nil before).
	Main *App
	// HandedOver is set when this start gave its sheet to the ShopCRM already running
	// on the folder and ends without a window of its own.
	HandedOver bool
}

// Launch starts the app on the data folder dir; importPath, when set, is a sheet to
// open in the import wizard. Run the fyne app afterwards, then Close the Launcher.
func Launch(a fyne.App, dir, importPath string) *Launcher {
	return launch(a, dir, importPath, func(f func()) { go f() })
}

func launch(a fyne.App, dir, importPath string, spawn func(func())) *Launcher {
	l := &Launcher{a: a, dir: dir, importPath: importPath, spawn: spawn}
	a.Settings().SetTheme(newThemeWith(nil, 1)) // the stored look applies once the store is open
	l.open()
	return l
}

// Close closes the store, releasing the data folder for the next start.
func (l *Launcher) Close() {
	l.handoff.Close()
	if l.store != nil {
		l.store.Close()
	}
}

// open opens the store off the UI goroutine (the integrity check reads the whole file,
// seconds for a large archive) while the start window says what is going on.
// The start window only appears when opening takes a while (the day's first check of a
// large archive): a window opened and closed at once can crash Fyne's event loop on a
// late mouse event (fyne-io/fyne#5981).
func (l *Launcher) open() {
	done := make(chan struct{})
	time.AfterFunc(gateDelay, func() {
		fyne.Do(func() {
			select {
			case <-done:
			default:
				l.showGate(lang.L("start.checking"))
			}
		})
	})
	l.spawn(func() {
		store, err := sqlite.Open(l.dir)
		fyne.Do(func() {
			close(done)
			l.opened(store, err)
		})
	})
}

// gateDelay is how long opening may take before the start window says what is going on.
const gateDelay = 400 * time.Millisecond

// opened continues the start with the open store, or explains why there is none.
func (l *Launcher) opened(store *sqlite.Store, err error) {
	var ce *data.CorruptError
	switch {
	case err == nil:
		l.store = store
		l.listenForSheets()
		applyPrefs(l.a, store) // the lock screen speaks the chosen language, in the chosen look
		if l.gate != nil {
			l.gate.SetTitle(lang.L("app.title"))
		}
		l.unlock()
	case errors.Is(err, data.ErrLocked) && l.importPath != "":
		l.handOver(err)
	case errors.As(err, &ce) && ce.Backup != nil:
		log.Printf("start: %v", err)
		var restore *widget.Button
		restore = widget.NewButtonWithIcon(lang.L("start.restore"), theme.HistoryIcon(), func() {
			restore.Disable()
			l.restoreDamaged(ce.Backup)
		})
		restore.Importance = widget.HighImportance
		l.showGate(i18n.Message(err), restore)
	default:
		log.Printf("start: %v", err)
		l.showGate(i18n.Message(err))
	}
}

// listenForSheets takes the sheets a later start on the same data folder hands over
// ("Open with" while the window runs): each opens in this window's import wizard.
func (l *Launcher) listenForSheets() {
	h, err := folder.ListenHandoff(l.dir, func(path string) {
		fyne.Do(func() {
			if l.Main == nil {
				l.pending = append(l.pending, path) // opened once the password is in
				return
			}
			g := l.Main.current()
			g.OpenImport(path)
			g.win.RequestFocus()
		})
	})
	if err != nil { // the window works without it; a second start then says it is running
		log.Printf("start: %v", err)
	}
	l.handoff = h
}

// handOver gives the sheet this start was opened with to the ShopCRM already running
// on the data folder, and ends this start; when none takes it, it says why (locked).
func (l *Launcher) handOver(locked error) {
	path := l.importPath
	l.spawn(func() {
		err := folder.HandOff(l.dir, path)
		fyne.Do(func() {
			if err != nil {
				log.Printf("start: %v", locked)
				l.showGate(i18n.Message(locked))
				return
			}
			l.HandedOver = true
			l.a.Quit()
		})
	})
}

// restoreDamaged puts the offered backup in place of the damaged file and starts again.
func (l *Launcher) restoreDamaged(b *data.BackupInfo) {
	l.spawn(func() {
		err := sqlite.RestoreDamaged(context.Background(), l.dir, b.Path)
		fyne.Do(func() {
			if err != nil {
				log.Printf("restore: %v", err)
				l.showGate(i18n.Message(err))
				return
			}
			l.open()
		})
	})
}

// unlock asks for the app lock password when one is set, then shows the main window.
func (l *Launcher) unlock() {
	on, err := l.store.HasLockPassword(context.Background())
	if err != nil { // a lock that cannot be read stays shut
		log.Printf("start: %v", err)
		l.showGate(i18n.Message(err))
		return
	}
	if !on {
		l.showMain()
		return
	}
	pw := widget.NewPasswordEntry()
	wrong := widget.NewLabel("")
	wrong.Importance = widget.DangerImportance
	wrong.Hide()
	var ok *widget.Button
	wrongs := 0
	try := func() {
		if ok.Disabled() {
			return // Enter pressed while the last try is still being checked
		}
		ok.Disable()
		entered := pw.Text
		l.spawn(func() {
			err := l.store.CheckLockPassword(context.Background(), entered)
			if err != nil {
				// From the third wrong try on, each answer waits a second longer.
				wrongs++
				time.Sleep(time.Duration(max(0, wrongs-2)) * time.Second)
			}
			fyne.Do(func() {
				ok.Enable()
				if err != nil {
					wrong.SetText(i18n.Message(err))
					wrong.Show()
					pw.SetText("")
					return
				}
				l.showMain()
			})
		})
	}
	ok = widget.NewButtonWithIcon(lang.L("start.unlock"), theme.LoginIcon(), try)
	ok.Importance = widget.HighImportance
	pw.OnSubmitted = func(string) { try() }
	pw.SetPlaceHolder(lang.L("start.password"))
	l.showGateContent(container.NewVBox(widget.NewLabel(lang.L("start.locked")), pw, wrong), ok)
	l.gate.Canvas().Focus(pw)
}

// showMain builds and shows the main window, closes the start window, and takes the
// day's first backup and warns about a synced data folder.
func (l *Launcher) showMain() {
	g := newApp(l.a, l.store, l.spawn)
	l.Main = g
	g.win.SetMaster()
	g.win.Show()
	go watchDays(g)
	if l.gate != nil {
		l.gate.Close()
		l.gate = nil
	}
	if l.importPath != "" {
		g.OpenImport(l.importPath)
	}
	for _, path := range l.pending {
		g.OpenImport(path)
	}
	l.pending = nil
	if where := folder.Synced(l.dir); where != "" {
		dialog.ShowInformation(lang.L("backup.title"), i18n.SyncedFolderWarning(where), g.win)
	}
	l.spawn(func() {
		if _, err := l.store.DailyBackup(context.Background()); err != nil {
			fyne.Do(func() { ui.ShowError(g.win, err) })
		}
	})
}

// showGate shows a message in the start window with a quit button and any actions.
func (l *Launcher) showGate(message string, actions ...fyne.CanvasObject) {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	l.showGateContent(msg, actions...)
}

func (l *Launcher) showGateContent(body fyne.CanvasObject, actions ...fyne.CanvasObject) {
	if l.gate == nil {
		l.gate = l.a.NewWindow(lang.L("app.title"))
		l.gate.Resize(fyne.NewSize(520, 240))
		l.gate.CenterOnScreen()
	}
	quit := widget.NewButton(lang.L("start.quit"), l.a.Quit)
	buttons := container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer(), quit}, actions...)...)
	l.gate.SetContent(container.NewPadded(container.NewBorder(nil, buttons, nil, nil, body)))
	l.gate.Show()
}

// watchDays reloads 提醒 and sends the day's notification whenever the day changes
// while the app runs, on whichever App the window holds by then.
func watchDays(g *App) {
	for range time.Tick(10 * time.Minute) {
		fyne.Do(func() { g.current().reminders.ReloadOnNewDay() })
	}
}
