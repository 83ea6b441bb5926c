# Shared by scripts/bench-window.sh and scripts/screens.sh: a private Xvfb, the app in it,
# and clicks at window-relative points. Source it; it needs Xvfb and xdotool.

# need_tools installs the Debian packages of the tools it is given when they are missing.
need_tools() {
	local missing=""
	command -v Xvfb >/dev/null || missing="$missing xvfb"
	command -v xdotool >/dev/null || missing="$missing xdotool"
	command -v import >/dev/null || missing="$missing imagemagick"
	if [ -n "$missing" ]; then
		echo "Installing Debian packages:$missing" >&2
		local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
		$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >&2
	fi
}

# start_xvfb WxH starts an Xvfb of that size on a display it picks itself (-displayfd:
# no race with other X servers starting on this machine) and exports DISPLAY;
# XVFB_PID is its process.
start_xvfb() {
	local fifo
	fifo=$(mktemp -u "${TMPDIR:-/tmp}/shopcrm-xvfb.XXXXXX")
	mkfifo "$fifo"
	Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
	XVFB_PID=$!
	local n
	read -r -t 20 n <"$fifo" || true
	rm -f "$fifo"
	if [ -z "$n" ]; then
		echo "Xvfb did not start" >&2
		return 1
	fi
	export DISPLAY=":$n"
	for _ in $(seq 100); do
		xdotool getdisplaygeometry >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "Xvfb on :$n does not answer" >&2
	return 1
}

# stop_xvfb ends the Xvfb start_xvfb started (never fails: it runs in EXIT traps).
stop_xvfb() {
	if [ -n "${XVFB_PID:-}" ]; then
		kill "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
	fi
	XVFB_PID=""
}

# start_app CMD... runs the command in the Xvfb and waits for its main window (the small
# start window that says what opening is doing, 520×240, is not it); APP_PID is the
# process, WIN the X window.
start_app() {
	"$@" >"${APP_LOG:-/dev/null}" 2>&1 &
	APP_PID=$!
	WIN=""
	local w width
	for _ in $(seq 600); do
		for w in $(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null || true); do
			width=$(xdotool getwindowgeometry --shell "$w" 2>/dev/null | sed -n 's/^WIDTH=//p')
			if [ "${width:-0}" -gt 600 ]; then
				WIN=$w
				return 0
			fi
		done
		kill -0 "$APP_PID" 2>/dev/null || break
		sleep 0.2
	done
	echo "no window from: $*" >&2
	return 1
}

# stop_app ends the app start_app started (never fails: it runs in EXIT traps).
stop_app() {
	if [ -n "${APP_PID:-}" ]; then
		kill "$APP_PID" 2>/dev/null || true
		wait "$APP_PID" 2>/dev/null || true
	fi
	APP_PID=""
}

# fill_screen moves the window to the screen's corner and makes it as large as the screen
# (Xvfb has no window manager to do it).
fill_screen() {
	xdotool windowmove "$WIN" 0 0
	xdotool windowsize "$WIN" $(xdotool getdisplaygeometry)
	sleep 0.5
}

# click X Y clicks at a point of the window (window-relative pixels).
click() { xdotool mousemove --window "$WIN" "$1" "$2" click 1; }

# wheel X Y N turns the mouse wheel N notches down (negative: up) over a point.
wheel() {
	local button=5 n=$3
	[ "$n" -lt 0 ] && button=4 && n=$((-n))
	xdotool mousemove --window "$WIN" "$1" "$2" click --repeat "$n" --delay 15 "$button"
}

# The navigation rail's buttons, at the standard text size: 客户, 分组, 提醒, 导入记录, 订单, 设置.
NAV_CUSTOMERS=0 NAV_GROUPS=1 NAV_REMINDERS=2 NAV_IMPORTS=3 NAV_ORDERS=4 NAV_SETTINGS=5

# nav I clicks the I-th button of the navigation rail.
nav() { click 55 $((55 + 40 * $1)); }

# mem_kib FIELD prints a field of the app's /proc status (VmHWM, VmRSS) in KiB.
mem_kib() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$APP_PID/status"; }
