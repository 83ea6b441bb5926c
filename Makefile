# ShopCRM — `make run` opens the app, `make test` runs every check CI runs.
# Both install what they need: Debian packages for Fyne's cgo build when missing,
# Go modules through the module proxy.

SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
GO ?= go

# Debian packages Fyne needs to build (cgo, OpenGL, X11 headers).
DEB_PACKAGES := gcc libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev pkg-config

.PHONY: deps run build test bench fuzz fmt clean

# Fuzz targets of the readers and the whole import; `make test` runs each briefly,
# `make fuzz FUZZTIME=5m` for longer.
FUZZ_TARGETS := FuzzCSV:./importer/sheet/ FuzzXLSX:./importer/sheet/ FuzzSheetXML:./importer/sheet/ \
	FuzzImportCSV:./importer/ FuzzDate:./importer/clean/ FuzzPhone:./importer/clean/ FuzzAmount:./importer/clean/
FUZZTIME ?= 8s

## deps: install missing Debian packages and download Go modules
deps:
	@command -v $(GO) >/dev/null || { echo "Go is not installed: install Go 1.24 or newer from go.dev/dl (or /usr/local/go) and run make again."; exit 1; }
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		sudo=""; [ "$$(id -u)" -ne 0 ] && sudo=sudo; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi
	@$(GO) mod download

## run: build and open the app (data in the app's own folder; DATA=dir to use another)
run: deps
	$(GO) run . $(if $(DATA),--data $(DATA))

## build: the shopcrm binary in the repository root
build: deps
	$(GO) build -o shopcrm .

## test: gofmt check, go vet, and every test with the race detector
test: deps
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 30m ./...
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
	$(GO) test -run '^$$' -bench . -benchtime 20x -timeout 30m ./data/
	$(GO) test -run '^$$' -bench . -benchtime 5x ./gui/
	$(GO) test -run '^$$' -bench 'RawRowsXLSX|ImportXLSX|ImportCSV' -benchtime 1x -timeout 60m ./importer/

fmt:
	gofmt -w $$(find . -name '*.go' -not -path './.git/*')

clean:
	rm -f shopcrm shopcrm.exe
