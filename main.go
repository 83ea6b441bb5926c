// ShopCRM (网店客户管理): a desktop customer manager for small online-shop sellers.
// Run with no command it opens the window; with a command it works headless
// (see package cli).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"shopcrm/cli"
	"shopcrm/data"
	"shopcrm/gui"
	"shopcrm/i18n"
)

// appID never changes: Fyne keys preferences and storage on it.
const appID = "com.shopcrm.desktop"

func main() {
	if err := i18n.Use(i18n.System); err != nil {
		log.Printf("translations: %v", err)
	}
	if len(os.Args) > 1 && !strings.HasPrefix(os.Args[1], "-") {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	dataFlag := flag.String("data", "", lang.L("cli.flag.data"))
	flag.Parse()
	dir, err := cli.DataDir(*dataFlag)
	if err != nil {
		fail(err)
	}
	store, err := data.Open(dir)
	if err != nil {
		fail(err)
	}
	defer store.Close()
	gui.New(app.NewWithID(appID), store).ShowAndRun()
}

func fail(err error) {
	log.Printf("start: %v", err)
	fmt.Fprintln(os.Stderr, lang.L("cli.open_failed", map[string]any{"Reason": i18n.Message(err)}))
	os.Exit(1)
}
