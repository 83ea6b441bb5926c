package gui

import (
	"context"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"shopcrm/data"
	"shopcrm/data/sqlite"
	"shopcrm/gui/customers"
	"shopcrm/gui/groups"
	"shopcrm/gui/imports"
	"shopcrm/gui/onboarding"
	"shopcrm/gui/orders"
	"shopcrm/gui/outreach"
	"shopcrm/gui/reminders"
	"shopcrm/gui/settings"
	"shopcrm/gui/ui"
)

// This file is the one place that hands the store to the areas and joins their
// callbacks: an area sees only the small Store interface it declares.

// customersScreen builds the 客户 screen, phones masked unless the seller turned that
// off; its 导入 buttons start the import wizard.
func (g *App) customersScreen() {
	mask, err := g.store.Setting(context.Background(), data.SettingMaskPhones, "1")
	if err != nil {
		ui.ShowError(g.win, err)
	}
	g.customers = customers.New(g.win, g.store, func() time.Time { return g.store.Now() }, mask != "0", g.spawn)
	g.customers.OnImport = g.pickImport
	g.customers.OnMerged = g.archiveChanged
	g.customers.OnOrdersChanged = g.archiveChanged
}

// groupsScreen builds the 分组 entry of the navigation rail; a group opens as a
// filtered customer list, a saved group's 修改条件 opens the 客户 filter panel on it,
// and a group saved there is listed here.
func (g *App) groupsScreen() screen {
	s := groups.New(g.win, g.store, func() time.Time { return g.store.Now() }, g.spawn)
	g.groups = s
	s.OnOpen = func(f data.CustomerFilter, label string) {
		g.customers.ShowGroup(f, label)
		g.showScreen(g.customers.Content)
	}
	s.OnOutreach = g.outreachArea().StartGroup
	s.OnMessageSheet = g.outreachArea().SheetGroup
	s.Content = g.outreachArea().Wrap(s.Content) // unfinished queues are offered where queues start
	s.OnEditSaved = func(sg *data.SavedGroup) {
		g.showScreen(g.customers.Content)
		g.customers.EditGroup(sg)
	}
	g.customers.OnGroupsChanged = s.Reload
	s.OnSavedChanged = g.customers.SavedGroupChanged
	return screen{lang.L("nav.groups"), theme.GridIcon(), s.Content, s.Reload}
}

// remindersScreen builds the 提醒 screen: 打开客户 shows the customer, a handled
// reminder refreshes that customer's detail, and a follow-up added on the customer
// detail reloads the agenda.
func (g *App) remindersScreen() {
	g.reminders = reminders.New(g.fyneApp, g.win, g.store, g.spawn)
	g.reminders.OnOpenCustomer = g.openCustomer
	g.reminders.OnChanged = g.customerChanged
	g.customers.OnFollowUpsChanged = g.reminders.Reload
	// A greeting sent one by one is done on 提醒 once its queue is made: the queue is
	// then offered above 提醒 until it is finished.
	g.reminders.OnOutreach = func(r *data.Reminder) {
		g.outreachArea().StartHoliday(r.EventKey, func() {
			if err := g.store.CompleteReminder(context.Background(), r, nil); err != nil {
				ui.ShowError(g.win, err)
			}
			g.reminders.Reload()
		})
	}
	g.reminders.Wrap(g.outreachArea().Wrap)
}

// outreachArea is 逐个发送 and 导出短信表, made on first use: a message logged refreshes
// that customer's detail.
func (g *App) outreachArea() *outreach.Area {
	if g.outreach == nil {
		g.outreach = outreach.New(g.win, g.store, g.spawn)
		g.outreach.OnSent = g.customerChanged
		g.outreach.Reload()
	}
	return g.outreach
}

// openCustomer shows a customer's detail on the 客户 screen.
func (g *App) openCustomer(id int64) {
	g.showScreen(g.customers.Content)
	g.customers.ShowCustomer(id)
}

// customerChanged refreshes the customer detail after a reminder of that customer
// was handled (its contact log grew).
func (g *App) customerChanged(id int64) {
	if id != 0 && g.customers.Selected() == id {
		g.customers.ShowCustomer(id)
	}
}

// historyScreen builds 导入记录: its 导入 button picks a file, and an undone import
// changed the whole archive.
func (g *App) historyScreen() {
	g.history = imports.NewHistory(g.win, g.store, g.spawn)
	g.history.OnImport = g.pickImport
	g.history.OnReverted = g.archiveChanged
}

// ordersScreen builds 未关联订单: orders without a buyer; linking or unlinking one
// changes a customer's trades, totals, tier and reminders, as an import does.
func (g *App) ordersScreen() screen {
	g.orders = orders.New(g.win, g.store, g.spawn)
	g.orders.OnChanged = g.archiveChanged
	return screen{lang.L("nav.orders"), theme.ListIcon(), g.orders.Content, g.orders.Reload}
}

// pickImport asks for a file and opens the import wizard on it.
func (g *App) pickImport() { imports.PickFile(g.win, g.openImport) }

// OpenImport opens the import wizard on a file, as when a sheet is opened with the app.
func (g *App) OpenImport(path string) { g.openImport(path) }

// openImport opens the import wizard on a file; an import changed the whole archive.
func (g *App) openImport(path string) {
	g.welcome.Hide()
	g.wizard = imports.Start(g.win, g.store, g.spawn, path, g.archiveChanged)
	g.wizard.OnMerge = func(id int64) { // a possible duplicate the import listed
		g.showScreen(g.customers.Content)
		g.customers.OfferMerge(id)
	}
}

// settingsScreen builds 设置 from its sections, in the order they appear.
func (g *App) settingsScreen() {
	g.settings = settings.New(
		settings.General(g.win, g.store, filepath.Dir(g.store.Path()), settings.GeneralActions{
			OnLanguage: g.reopen, OnLook: g.lookChanged, OnOpenDataFolder: g.openDataFolder}),
		settings.Reminders(g.win, g.store, func() { g.reminders.Reload() }),
		settings.Privacy(g.win, g.store, func(on bool) { g.customers.SetMaskPhones(on) }),
		settings.Security(g.win, g.store),
		settings.Backups(g.win, g.store, g.spawn, settings.BackupPlaces{
			DataDir: g.store.Dir(), BackupDir: filepath.Join(g.store.Dir(), sqlite.BackupDirName),
			OpenFolder: func(dir string) error { return g.fyneApp.OpenURL(folderURL(dir)) }, OnRestored: g.archiveChanged}),
		settings.Audit(g.win, g.store, g.spawn),
	)
}

// lookChanged applies the chosen theme and text size; the list's columns are
// measured again for the new text size.
func (g *App) lookChanged() {
	applyLook(g.fyneApp, g.store)
	g.customers.SizeColumns()
}

// archiveChanged is the one path of a whole-archive change (a restore, the sample
// shop loaded or removed, an import or its undo): it refreshes everything the window
// derives from the archive, so none of it can go stale because one caller forgot a
// piece. A new piece of derived state is refreshed here, not at the callers.
func (g *App) archiveChanged() {
	readCurrency(g.win, g.store) // an import or a restore may have brought another currency
	g.customers.Refresh()
	g.demo.Refresh() // the sample-data banner and the window title's mark
	g.reminders.Reload()
	g.groups.Reload()
	g.history.Reload()
	g.settings.Reload()
	g.orders.Reload()
	g.outreachArea().Reload() // a restore brings its own queues
}

// readCurrency makes the archive's currency the one every amount on screen shows.
func readCurrency(win fyne.Window, store *sqlite.Store) {
	if err := ui.ReadCurrency(context.Background(), store); err != nil {
		ui.ShowError(win, err)
	}
}

// onboarding builds the welcome and the sample shop; the sample-data banner goes
// above the customer list.
func (g *App) onboarding() {
	g.demo = onboarding.NewDemo(g.win, g.store, g.spawn)
	g.demo.OnChanged = g.archiveChanged
	g.welcome = onboarding.NewWelcome(g.win, g.store)
	g.welcome.OnImport = g.pickImport
	g.welcome.OnDemo = g.loadDemo
	g.welcome.OnManual = g.customers.AddCustomer
	g.demo.OnEmptied = g.welcome.Show
	g.customers.Content = g.demo.Wrap(g.customers.Content)
}

// loadDemo shows the customer list and fills it with the sample shop (the welcome's
// 试用示例数据 and 帮助 → 载入示例数据).
func (g *App) loadDemo() {
	g.showScreen(g.customers.Content)
	g.demo.Load()
}
