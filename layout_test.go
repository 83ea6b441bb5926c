package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestRoomsKeepTheirDoors checks the package layout README's architecture section
// describes: who may import whom. A change that breaks a rule fails here, not in review.
func TestRoomsKeepTheirDoors(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}", "./...").Output()
	if err != nil {
		t.Skipf("go list is not available here: %v", err)
	}
	rules := []struct {
		name    string
		applies func(pkg string) bool
		deps    bool // check every dependency, not only direct imports
		bans    []string
	}{
		{"the domain holds no SQL and no window", isPkg("shopcrm/data"), true,
			[]string{"database/sql", "modernc.org/", "fyne.io/"}},
		{"the data folder knows no database", under("shopcrm/data/folder"), true,
			[]string{"database/sql", "modernc.org/", "fyne.io/"}},
		{"data and importer never import Fyne", either(under("shopcrm/data"), under("shopcrm/importer")), true,
			[]string{"fyne.io/"}},
		{"the importer asks for a Store interface, not the SQLite store", under("shopcrm/importer"), true,
			[]string{"shopcrm/data/sqlite", "database/sql"}},
		{"only the window's shell opens the SQLite store", strictlyUnder("shopcrm/gui"), true,
			[]string{"shopcrm/data/sqlite"}},
		{"headless packages never import the window", either(under("shopcrm/cli"), under("shopcrm/i18n"), under("shopcrm/assets"), under("shopcrm/data"), under("shopcrm/importer")), true,
			[]string{"shopcrm/gui/"}},
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 {
			continue
		}
		pkg := parts[0]
		for _, r := range rules {
			if !r.applies(pkg) {
				continue
			}
			list := parts[1]
			if r.deps {
				list = parts[2]
			}
			for _, dep := range strings.Fields(list) {
				for _, ban := range r.bans {
					if dep == strings.TrimSuffix(ban, "/") || strings.HasPrefix(dep, ban) && strings.HasSuffix(ban, "/") || dep == ban {
						t.Errorf("%s: %s imports %s", r.name, pkg, dep)
					}
				}
			}
		}
	}
}

func isPkg(p string) func(string) bool { return func(pkg string) bool { return pkg == p } }

func under(p string) func(string) bool {
	return func(pkg string) bool { return pkg == p || strings.HasPrefix(pkg, p+"/") }
}

func strictlyUnder(p string) func(string) bool {
	return func(pkg string) bool { return strings.HasPrefix(pkg, p+"/") }
}

func either(fs ...func(string) bool) func(string) bool {
	return func(pkg string) bool {
		for _, f := range fs {
			if f(pkg) {
				return true
			}
		}
		return false
	}
}
