#!/usr/bin/env bash
# make bench-window: the memory of the real window next to a bare Fyne window, in one run.
#
# Builds scripts/barewindow (a label and a button, Fyne's own theme) and the app, runs
# each under its own Xvfb (1280×800), drives the app through its screens with xdotool
# (the customer list scrolled, sorted and searched; every 分组 tab; 提醒's tabs; 导入记录;
# 设置), then reads VmHWM (peak) and VmRSS from /proc. The app runs twice: on the
# 300-customer sample shop, and on a copy of the 200k-customer / 1M-trade archive that
# `make bench` generates into $TMPDIR (generated here first when missing).
# Targets (issue 16): 300 customers ≤ bare + 60 MB, 200k ≤ bare + 100 MB (peak).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/window-lib.sh
export PATH="$PATH:/usr/local/go/bin"
need_tools

work=$(mktemp -d "${TMPDIR:-/tmp}/shopcrm-bench-window.XXXXXX")
cleanup() {
	stop_app
	stop_xvfb
	if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

go build -o "$work/shopcrm" .
go build -o "$work/barewindow" ./scripts/barewindow

"$work/shopcrm" demo --data "$work/s300" --customers 300 --trades 900 --seed 20261123 >/dev/null
big="${TMPDIR:-/tmp}/shopcrm-bench-200000-1000000"
if [ ! -s "$big/shopcrm.db" ]; then
	echo "generating the 200k-customer benchmark archive in $big (once, several minutes) …"
	go test -run '^$' -bench 'FirstPage$' -benchtime 1x ./data/sqlite/ >/dev/null
fi
mkdir -p "$work/s200k"
cp "$big/shopcrm.db" "$work/s200k/shopcrm.db" # the window writes its settings: never into the shared archive

# drive walks the window's screens as a seller would.
drive() {
	sleep 4
	nav $NAV_CUSTOMERS; sleep 2
	wheel 300 420 40; sleep 1
	click 633 176; sleep 3 # sort by 累计金额 after scrolling
	wheel 300 420 40; sleep 1
	click 633 176; sleep 3 # and the other way
	xdotool key --window "$WIN" ctrl+f; sleep 0.3
	xdotool type --delay 120 "小"; sleep 2
	xdotool key --window "$WIN" ctrl+a BackSpace; sleep 2
	nav $NAV_GROUPS; sleep 6
	for x in 243 311 374 422 130; do click "$x" 100; sleep 2; done # RFM, 沉睡, 标签, 图表, 会员等级
	nav $NAV_REMINDERS; sleep 3
	for x in 160 250 350; do click "$x" 100; sleep 1.5; done
	nav $NAV_IMPORTS; sleep 1.5
	nav $NAV_SETTINGS; sleep 1.5
	nav $NAV_CUSTOMERS; sleep 3
}

# measure SLUG NAME CMD... runs CMD under a fresh Xvfb, drives it when it is the app, and
# prints its peak and current memory in MiB; PEAK is the peak.
measure() {
	local slug=$1 name=$2; shift 2
	start_xvfb 1280x800
	APP_LOG="$work/$slug.log" start_app env LANG=zh_CN.UTF-8 ${APP_ENV:-} "$@"
	if [ "$slug" = bare ]; then sleep 8; else drive || true; fi
	if ! kill -0 "$APP_PID" 2>/dev/null; then
		wait "$APP_PID" && rc=0 || rc=$?
		echo "$name: the app ended during the walk (exit $rc); its log:" >&2
		tail -20 "$work/$slug.log" >&2
		exit 1
	fi
	PEAK=$(( $(mem_kib VmHWM) / 1024 ))
	printf '%-28s peak (VmHWM) %4d MiB   now (VmRSS) %4d MiB\n' "$name" "$PEAK" $(( $(mem_kib VmRSS) / 1024 ))
	[ -n "${KEEP:-}" ] && cp "/proc/$APP_PID/smaps" "$work/$slug.smaps"
	stop_app; stop_xvfb
}

# RUNS picks some of the runs (e.g. RUNS=s200k while working on one); the verdicts need all three.
runs=" ${RUNS:-bare s300 s200k} "
bare=0 small=0 large=0
[[ $runs == *" bare "* ]] && measure bare bare "$work/barewindow" && bare=$PEAK
[[ $runs == *" s300 "* ]] && measure s300 "300 customers" "$work/shopcrm" --data "$work/s300" && small=$PEAK
[[ $runs == *" s200k "* ]] && measure s200k "200k customers / 1M trades" "$work/shopcrm" --data "$work/s200k" && large=$PEAK
[ "$bare" -gt 0 ] || exit 0

verdict() { if [ "$1" -le "$2" ]; then echo "within"; else echo "OVER"; fi; }
[ "$small" -gt 0 ] && echo "300 customers: bare + $((small - bare)) MiB (target ≤ bare + 60: $(verdict $((small - bare)) 60))"
[ "$large" -gt 0 ] && echo "200k customers: bare + $((large - bare)) MiB (target ≤ bare + 100: $(verdict $((large - bare)) 100))"
exit 0
