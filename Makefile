# ShopCRM — `make run` opens the app, `make test` runs every check CI runs.
# Both install what they need: Debian packages for Fyne's cgo build when missing,
# Go modules through the module proxy.

SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
GO ?= go
# The one Go version the project states: go.mod's "go" line (README and messages follow it).
GO_VERSION := $(shell sed -n 's/^go \([0-9]*\.[0-9]*\).*/\1/p' go.mod)

# Debian packages Fyne needs to build (cgo, OpenGL, X11 headers).
DEB_PACKAGES := gcc libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev pkg-config

.PHONY: deps run build test bench bench-export bench-window screenshots fuzz fmt clean fyne-cli dist-windows dist-linux check-windows

# Fuzz targets of the readers, the whole import and the value rules (data); `make test` runs each briefly,
# `make fuzz FUZZTIME=5m` for longer.
FUZZ_TARGETS := FuzzCSV:./importer/sheet/ FuzzXLSX:./importer/sheet/ FuzzXLS:./importer/sheet/ FuzzSheetXML:./importer/sheet/ FuzzSheetDiff:./importer/sheet/ \
	FuzzImportCSV:./importer/ FuzzPlatformMapping:./importer/ FuzzDate:./data/ FuzzPhone:./data/ FuzzAmount:./data/
FUZZTIME ?= 8s

# install_debs installs those of the given Debian packages that are missing.
define install_debs
	@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		sudo=""; [ "$$(id -u)" -ne 0 ] && sudo=sudo; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi
endef

## deps: install missing Debian packages and download Go modules
deps:
	@command -v $(GO) >/dev/null || { echo "Go is not installed: install Go $(GO_VERSION) or newer from go.dev/dl (or /usr/local/go) and run make again."; exit 1; }
	@GOTOOLCHAIN=local $(GO) list -m >/dev/null 2>&1 || { echo "$$($(GO) version) is too old: install Go $(GO_VERSION) or newer from go.dev/dl (or /usr/local/go) and run make again."; exit 1; }
	$(call install_debs,$(DEB_PACKAGES))
	@$(GO) mod download

# The version shown in 帮助 → 关于 comes from FyneApp.toml: packaged builds read it through
# App.Metadata, plain go builds get it through -ldflags.
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X shopcrm/gui.Version=$(VERSION)

## run: build and open the app (data in the app's own folder; DATA=dir to use another)
run: deps
	$(GO) run -ldflags "$(LDFLAGS)" . $(if $(DATA),--data $(DATA))

## build: the shopcrm binary in the repository root
build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o shopcrm .

## test: gofmt check, go vet, and every test with the race detector
test: deps
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 30m ./...
	$(GO) test -race -count=1 -tags migrated_fynedo ./gui/...
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZTIME)

## fuzz: run every fuzz target for FUZZTIME each
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		name=$${t%%:*}; pkg=$${t#*:}; \
		echo "fuzz $$name ($(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg > /tmp/shopcrm-fuzz.log 2>&1 || { cat /tmp/shopcrm-fuzz.log; exit 1; }; \
	done

## bench: speed and memory figures — the list on a generated 200k-customer / 1M-trade
## archive, and imports of generated 10k / 100k / 500k-row order sheets next to a bare
## excelize read of the same files (generated once into $$TMPDIR, reused after)
bench: deps
	$(GO) test -run '^$$' -bench . -benchtime 20x -timeout 30m ./data/sqlite/
	$(GO) test -run '^$$' -bench . -benchtime 5x ./gui/...
	$(GO) test -run '^$$' -bench 'RawRowsXLSX|ReadRowsXLSX|ImportXLSX|ImportCSV' -benchtime 1x -timeout 60m ./importer/

## bench-window: the window's memory (peak VmHWM) on the 300-customer sample shop and on the
## 200k archive, driven through its screens under Xvfb, next to a bare Fyne window's
bench-window: deps
	bash scripts/bench-window.sh

## screenshots: every screen at 1280×800 and 1024×700, zh and en, light and dark (Xvfb)
screenshots: deps
	bash scripts/screens.sh

## bench-export: export of the 200k-customer / 1M-trade demo archive (generated once into
## $$TMPDIR) next to a bare excelize StreamWriter writing a workbook of the same shape, in one
## run; prints both times, their ratio and the export's peak memory (COUNT=n for n rounds)
COUNT ?= 1
bench-export: deps
	@set -o pipefail; $(GO) test -run '^$$' -bench 'BenchmarkExport$$|BenchmarkBareStreamWriter$$' -benchtime 1x -count $(COUNT) \
		-timeout 60m ./importer/export/ | tee $${TMPDIR:-/tmp}/shopcrm-bench-export.txt | grep -E '^(Benchmark|ok|FAIL|---)'
	@awk 'function cpu() { for (i = 4; i < NF; i++) if ($$(i+1) == "cpu-s") return $$i } \
		/^BenchmarkExport-/ { e += $$3; ec += cpu(); ne++; for (i = 4; i < NF; i++) { if ($$(i+1) == "peak-RSS-MB" && $$i > rss) rss = $$i; if ($$(i+1) == "peak-heap-MiB" && $$i > heap) heap = $$i } } \
		/^BenchmarkBareStreamWriter-/ { b += $$3; bc += cpu(); nb++ } \
		END { if (ne && nb) printf "export %.1f s (%.1f s CPU), bare StreamWriter %.1f s (%.1f s CPU): %.2fx the bare writer; export peak RSS %.0f MB, peak heap %.0f MiB\n", e/ne/1e9, ec/ne, b/nb/1e9, bc/nb, (e/ne)/(b/nb), rss, heap }' \
		$${TMPDIR:-/tmp}/shopcrm-bench-export.txt

# Packages. `fyne package` builds the app with the icon, the version and (because
# FyneApp.toml sets [Migrations] fyneDo = true) the migrated_fynedo tag, which turns
# Fyne's thread checks off in favour of speed: every UI change of ours runs on the UI
# goroutine (fyne.Do), which `make test` checks under -race with that tag too.
# fyne package adds one to FyneApp.toml's Build after every run; the file is put back
# so that a package build never leaves the tree dirty.
FYNE_TOOLS_VERSION := v1.7.0
FYNE := $(or $(shell $(GO) env GOBIN),$(shell $(GO) env GOPATH)/bin)/fyne
MINGW_CC := x86_64-w64-mingw32-gcc
# Debian packages the Windows package needs: the mingw-w64 C compiler for Fyne's cgo, zip.
WINDOWS_DEB_PACKAGES := gcc-mingw-w64-x86-64 zip
DIST := dist

## fyne-cli: install the fyne packaging tool (through the Go module proxy) when missing
fyne-cli:
	@$(FYNE) version 2>/dev/null | grep -q "cli version: $(FYNE_TOOLS_VERSION)" || \
		{ echo "Installing fyne.io/tools $(FYNE_TOOLS_VERSION)"; GOFLAGS= $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION); }

# fyne_package runs `fyne package` with the given environment and flags, restoring
# FyneApp.toml afterwards whether it succeeded or not.
define fyne_package
	@cp FyneApp.toml $(DIST)/.FyneApp.toml.keep
	@$(1) $(FYNE) package --release --app-id com.shopcrm.desktop --app-version $(VERSION) $(2); status=$$?; \
		cp $(DIST)/.FyneApp.toml.keep FyneApp.toml; rm -f $(DIST)/.FyneApp.toml.keep; exit $$status
endef

## dist-windows: cross-build the Windows 10+ package (GUI exe with icon and version) into dist/
dist-windows: deps fyne-cli
	$(call install_debs,$(WINDOWS_DEB_PACKAGES))
	@mkdir -p $(DIST)
	$(call fyne_package,GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=$(MINGW_CC),-os windows --name ShopCRM.exe)
	@rm -rf $(DIST)/ShopCRM && mkdir -p $(DIST)/ShopCRM && mv ShopCRM.exe $(DIST)/ShopCRM/ShopCRM.exe
	@cp assets/fonts/OFL.txt $(DIST)/ShopCRM/Font-License-OFL.txt
	@rm -f $(DIST)/ShopCRM-$(VERSION)-windows-amd64.zip
	cd $(DIST) && zip -q -r ShopCRM-$(VERSION)-windows-amd64.zip ShopCRM
	@rm -rf $(DIST)/ShopCRM
	$(GO) run ./.ci/pecheck $(DIST)/ShopCRM-$(VERSION)-windows-amd64.zip

# Debian packages the Windows start check needs: Wine, an X server of its own, the X
# tools that find and photograph the window, unzip, the zh_CN locale source (compiled
# into a temp folder) and the mingw compiler for the test-only bcryptprimitives stand-in.
WINE_DEB_PACKAGES := wine wine64 xvfb imagemagick xdotool x11-utils unzip locales gcc-mingw-w64-x86-64

## check-windows: start the Windows package (the one dist-windows built last; built when
## there is none) under Wine on its own X server: a fresh prefix, the window waited for
## and screenshotted, a sample shop made by the exe, the archive in %AppData%\ShopCRM
check-windows:
	$(call install_debs,$(WINE_DEB_PACKAGES))
	@[ -f $(DIST)/ShopCRM-$(VERSION)-windows-amd64.zip ] || $(MAKE) --no-print-directory dist-windows
	timeout 1500 .ci/wine/check-windows.sh $(DIST)/ShopCRM-$(VERSION)-windows-amd64.zip

## dist-linux: the Linux tarball (binary, .desktop entry and icon, `make install` inside) into dist/
dist-linux: deps fyne-cli
	$(call install_debs,xz-utils)
	@mkdir -p $(DIST)
	$(call fyne_package,CGO_ENABLED=1,-os linux --name ShopCRM)
	mv ShopCRM.tar.xz $(DIST)/ShopCRM-$(VERSION)-linux-amd64.tar.xz

fmt:
	gofmt -w $$(find . -name '*.go' -not -path './.git/*')

clean:
	rm -f shopcrm shopcrm.exe
	rm -rf $(DIST)
