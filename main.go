// ShopCRM (网店客户管理): a desktop customer manager for small online-shop sellers.
// Run with no command it opens the window; with a command it works headless
// (see package cli).
package main

import (
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/debug"

	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"shopcrm/cli"
	"shopcrm/gui"
	"shopcrm/i18n"
)

// appID never changes: Fyne keys preferences and storage on it.
const appID = "com.shopcrm.desktop"

func main() {
	if err := i18n.Use(i18n.System); err != nil {
		log.Printf("translations: %v", err)
	}
	dataFlag, file, window := cli.Window(os.Args[1:])
	if !window { // a command, a help request, or a wrong call
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	dir, err := cli.DataDir(dataFlag)
	if err != nil {
		fail(err)
	}
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		fmt.Fprintln(os.Stderr, lang.L("cli.no_display"))
		os.Exit(1)
	}
	// The window's heap is mostly long-lived (fonts, widgets): collecting at half again
	// the live heap rather than twice it keeps its peak some 30 MB lower (issue 16,
	// make bench-window) for a little more GC work while the seller scrolls.
	debug.SetGCPercent(50)
	// The launcher handles a second instance, a damaged file, the app lock password.
	a := app.NewWithID(appID)
	l := gui.Launch(a, dir, file) // opened with a sheet: double-click, "Open with", or shopcrm FILE
	a.Run()
	l.Close()
}

func fail(err error) {
	log.Printf("start: %v", err)
	fmt.Fprintln(os.Stderr, lang.L("cli.open_failed", map[string]any{"Reason": i18n.Message(err)}))
	os.Exit(1)
}
