#!/usr/bin/env bash
# check-windows.sh PACKAGE.zip — start the Windows package under Wine, as a seller would.
#
# In a fresh Wine prefix under a temp folder, on an X server of its own (Xvfb):
#   1. the exe opens its window on an empty archive: waited for, screenshotted;
#   2. it is closed, and the exe's headless `demo` command makes a sample shop;
#   3. the data folder %AppData%\ShopCRM must hold the archive;
#   4. the exe opens again on the sample shop: waited for, screenshotted.
# The screenshots' paths are printed. Every step has a time limit, and on exit only what
# this script started is stopped (its Xvfb, the wineserver of its own prefix).
#
# Wine 8 lacks bcryptprimitives.ProcessPrng, which Go's runtime needs; the test-only
# stand-in next to this script (bcryptprimitives.c) is built into the prefix's
# system32. It is never part of the package.
set -euo pipefail

zip=${1:?usage: check-windows.sh PACKAGE.zip}
zip=$(cd "$(dirname "$zip")" && pwd)/$(basename "$zip")
here=$(cd "$(dirname "$0")" && pwd)
MINGW_CC=${MINGW_CC:-x86_64-w64-mingw32-gcc}
# The window's title starts with the app's name ("网店客户管理 — 示例数据" on the sample shop).
title_zh="网店客户管理"
title_en="ShopCRM"

work=$(mktemp -d "${TMPDIR:-/tmp}/shopcrm-wine.XXXXXX")
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono / Gecko install prompts; our bcryptprimitives.dll before any builtin one.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
# The seller's system language: the window must come up in Chinese. Wine takes the
# Windows locale from the Unix one, which must exist: it is compiled into the temp
# folder (LOCPATH) rather than installed. The X tools run under C.UTF-8, so that they
# match the window's Chinese title.
mkdir -p "$work/locale"
localedef -i zh_CN -f UTF-8 "$work/locale/zh_CN.UTF-8" 2>/dev/null || true
[ -d "$work/locale/zh_CN.UTF-8" ] || { echo "check-windows: could not compile the zh_CN.UTF-8 locale" >&2; exit 1; }
export LC_ALL=C.UTF-8
zh=(env "LOCPATH=$work/locale" LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8) # prefix of every wine command

xvfb_pid=""
app_pid=""
cleanup() {
	status=$?
	if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
	timeout 20 wineserver -k 2>/dev/null || true # this prefix's wineserver only
	if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
	if [ "$status" -ne 0 ]; then
		echo "check-windows: FAILED (logs and screenshots kept in $work)" >&2
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 143' TERM INT # a time limit from outside still runs cleanup

step() { echo "check-windows: $*"; }
fail() {
	echo "check-windows: $*" >&2
	exit 1
}

# X server on a free display number (Xvfb picks it and writes it to fd 3).
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.2; done
[ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=":$(tr -d '[:space:]' <"$work/display")"
step "Xvfb on $DISPLAY"

step "new Wine prefix in $WINEPREFIX ($(wine --version 2>/dev/null))"
timeout 300 "${zh[@]}" wine wineboot --init >"$work/wineboot.log" 2>&1 || fail "wineboot failed: $(tail -5 "$work/wineboot.log")"
timeout 120 wineserver -w || true
sys32=$WINEPREFIX/drive_c/windows/system32
[ -d "$sys32" ] || fail "the prefix has no system32"
"$MINGW_CC" -shared -O2 -o "$sys32/bcryptprimitives.dll" "$here/bcryptprimitives.c" -ladvapi32 ||
	fail "could not build the bcryptprimitives stand-in"

mkdir -p "$work/app"
(cd "$work/app" && unzip -q "$zip")
exe=$(find "$work/app" -name ShopCRM.exe | head -1)
[ -n "$exe" ] || fail "no ShopCRM.exe in $zip"

# wait_window waits up to $1 seconds for the app's window to show and prints its id.
wait_window() {
	local deadline=$((SECONDS + $1)) id
	while [ $SECONDS -lt $deadline ]; do
		id=$(xdotool search --onlyvisible --name "^($title_zh|$title_en)( |\$)" 2>/dev/null | head -1 || true)
		if [ -n "$id" ] && xwininfo -id "$id" 2>/dev/null | grep -q "Map State: IsViewable"; then
			echo "$id"
			return 0
		fi
		if [ -n "$app_pid" ] && ! kill -0 "$app_pid" 2>/dev/null; then
			return 1
		fi
		sleep 1
	done
	return 1
}

# shoot takes a screenshot of the screen into $1 once the window has drawn, and fails
# when it is blank (a window that never rendered is a single colour).
shoot() {
	local png=$1 colours=0
	for _ in $(seq 30); do
		sleep 2
		import -window root "$png" 2>/dev/null || continue
		colours=$(identify -format '%k' "$png" 2>/dev/null || echo 0)
		[ "$colours" -ge 64 ] && break
	done
	[ "$colours" -ge 64 ] || fail "the window stayed blank ($colours colours): $png"
	sleep 3 # let the first frames settle, then the screenshot that is kept
	import -window root "$png"
}

# open_window starts the exe's window, waits for it and screenshots it into $1.
open_window() {
	(cd "$work/app" && exec timeout 600 "${zh[@]}" wine "$exe" >"$work/$2.log" 2>&1) &
	app_pid=$!
	local id
	id=$(wait_window 240) || {
		import -window root "$work/$2-failed.png" 2>/dev/null || true
		fail "no window within 240 s; windows: $(xdotool search --name . 2>/dev/null | while read -r w; do
			printf '%s; ' "$(xdotool getwindowname "$w" 2>/dev/null)"
		done) (log: $(tail -5 "$work/$2.log"); screen: $work/$2-failed.png)"
	}
	step "window $id: $(xdotool getwindowname "$id")"
	shoot "$1"
	step "screenshot: $1"
}

# close_window asks the window to close (Alt+F4) and waits for the exe to end.
close_window() {
	local id
	id=$(xdotool search --onlyvisible --name "^($title_zh|$title_en)( |\$)" | head -1 || true)
	if [ -n "$id" ]; then
		xdotool windowactivate --sync "$id" 2>/dev/null || xdotool windowfocus "$id" 2>/dev/null || true
		xdotool key --window "$id" --clearmodifiers alt+F4 || true
	fi
	for _ in $(seq 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
	if kill -0 "$app_pid" 2>/dev/null; then
		step "the window did not close on Alt+F4; stopping this prefix's Wine"
		timeout 20 wineserver -k || true
	fi
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
	timeout 60 wineserver -w || true
}

open_window "$work/welcome.png" first-start
close_window

step "sample shop: ShopCRM.exe demo"
timeout 300 "${zh[@]}" wine "$exe" demo --customers 300 --trades 900 --seed 7 >"$work/demo.log" 2>&1 ||
	fail "demo failed: $(tail -5 "$work/demo.log")"
timeout 60 wineserver -w || true

appdata=$(find "$WINEPREFIX/drive_c/users" -maxdepth 4 -type d -path '*/AppData/Roaming/ShopCRM' | head -1)
[ -n "$appdata" ] || fail "no %AppData%\\ShopCRM folder in the prefix"
[ -s "$appdata/shopcrm.db" ] || fail "no archive in $appdata: $(ls -A "$appdata")"
step "archive: $appdata/shopcrm.db ($(stat -c %s "$appdata/shopcrm.db") bytes)"
timeout 120 "${zh[@]}" wine "$exe" customers --format csv >"$work/customers.csv" 2>"$work/customers.log" ||
	fail "customers failed: $(tail -5 "$work/customers.log")"
timeout 60 wineserver -w || true # the command's process gone, so the data folder is free
rows=$(($(grep -c . "$work/customers.csv") - 1))
[ "$rows" -eq 300 ] || fail "the archive lists $rows customers, want 300 (see $work/customers.csv)"
step "the archive lists its 300 sample customers"

open_window "$work/sample-shop.png" second-start
close_window

# Keep the screenshots and logs, not the prefix (hundreds of MB).
timeout 60 wineserver -w || true
rm -rf "$WINEPREFIX" "$work/app" "$work/locale"
step "passed; screenshots: $work/welcome.png $work/sample-shop.png"
