#!/usr/bin/env bash
# make screenshots: every screen of the window on the 300-customer sample shop, under
# Xvfb, at 1280×800 and 1024×700, in Chinese and English, light and dark, as PNGs in a
# folder it prints (OUT=dir to choose it). The window fills the screen (Xvfb has no
# window manager). Language and look come from what the app already honours when the
# seller chose nothing: the system language (LANG) and Fyne's FYNE_THEME.
# SIZES, LANGS and LOOKS pick some of them. Look at every picture; docs/*.png in the README are refreshed from them by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/window-lib.sh
export PATH="$PATH:/usr/local/go/bin"
need_tools

out=${OUT:-${TMPDIR:-/tmp}/shopcrm-screens-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/shopcrm-screens.XXXXXX")
cleanup() { stop_app; stop_xvfb; rm -rf "$work"; }
trap cleanup EXIT
go build -o "$work/shopcrm" .
"$work/shopcrm" demo --data "$work/sample" --customers 300 --trades 900 --seed 20261123 >/dev/null

shot() { sleep "${2:-1.5}"; import -window root "$out/$prefix-$1.png"; }

# The 分组 tabs' x positions (window-relative) in each language: 会员等级 RFM 沉睡 标签 已保存 图表.
declare -A TABS=([zh]="151 229 307 370 425 480" [en]="191 242 307 374 430 494")
# The 客户 toolbar's 筛选 button (below the sample-data banner, which wraps to fewer lines
# on a wider screen) in each size and language: its x from the window's right edge, and its y.
declare -A FILTER=([1024x700-zh]="360 132" [1024x700-en]="455 152" [1280x800-zh]="360 112" [1280x800-en]="455 132")

for size in ${SIZES:-1280x800 1024x700}; do
	for lang in ${LANGS:-zh en}; do
		locale=zh_CN.UTF-8
		[ "$lang" = en ] && locale=en_US.UTF-8
		for look in ${LOOKS:-light dark}; do
			prefix="$size-$lang-$look"
			start_xvfb "$size"
			# First start: an empty data folder shows the welcome.
			rm -rf "$work/empty"
			start_app env LANG="$locale" LC_ALL="$locale" FYNE_THEME="$look" "$work/shopcrm" --data "$work/empty"
			fill_screen
			shot welcome 3
			stop_app
			# Every screen of the sample shop (a fresh copy each time: nothing carries over).
			rm -rf "$work/shop" && cp -r "$work/sample" "$work/shop"
			start_app env LANG="$locale" LC_ALL="$locale" FYNE_THEME="$look" "$work/shopcrm" --data "$work/shop"
			fill_screen
			nav $NAV_CUSTOMERS; shot customers 2.5
			click 300 300; shot customer-detail 2
			nav $NAV_GROUPS; shot groups-tiers 4
			read -r _ rfm dormant tags saved charts <<<"${TABS[$lang]}"
			click "$rfm" 100; shot groups-rfm
			click "$dormant" 100; shot groups-dormant
			click "$tags" 100; shot groups-tags
			click "$saved" 100; shot groups-saved
			click "$charts" 100; shot groups-charts 2
			nav $NAV_REMINDERS; shot reminders 2
			nav $NAV_IMPORTS; shot imports
			nav $NAV_ORDERS; shot orders
			nav $NAV_SETTINGS; shot settings
			read -r fx fy <<<"${FILTER[$size-$lang]}"
			nav $NAV_CUSTOMERS; click $((${size%x*} - fx)) "$fy"; shot filter-panel 2
			stop_app
			stop_xvfb
		done
	done
done
echo "screenshots in $out"
