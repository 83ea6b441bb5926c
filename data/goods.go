package data

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxGoodsBytes is the longest goods text a trade keeps (Trade.Problems refuses more).
const maxGoodsBytes = MaxTextLen * 3

// goodsSep joins the goods of an order's lines; goodsMore starts the count of lines
// whose goods no longer fit: "A；B；…+217".
const (
	goodsSep  = "；"
	goodsMore = goodsSep + "…+"
)

// AddGoods adds a line's goods to an order's goods text: each listed once; once the
// text is full, further goods are counted ("…+N") instead of listed, so an order of
// hundreds of lines is one trade like any other and never refused for its size.
func AddGoods(goods, more string) string {
	if more == "" || strings.Contains(goods, more) {
		return goods
	}
	head, n := splitGoodsMore(goods)
	if n == 0 {
		joined := more
		if goods != "" {
			joined = goods + goodsSep + more
		}
		// Room is kept for the count, so the text never outgrows the limit.
		if len(joined)+len(goodsMore)+20 <= maxGoodsBytes {
			return joined
		}
		if goods == "" {
			return shortenGoods(more)
		}
	}
	return head + goodsMore + strconv.Itoa(n+1)
}

// splitGoodsMore splits "A；B；…+12" into "A；B" and 12; text without a count is
// returned whole with 0.
func splitGoodsMore(goods string) (string, int) {
	i := strings.LastIndex(goods, goodsMore)
	if i < 0 {
		return goods, 0
	}
	n, err := strconv.Atoi(goods[i+len(goodsMore):])
	if err != nil || n <= 0 {
		return goods, 0
	}
	return goods[:i], n
}

// shortenGoods cuts a goods text longer than a trade keeps at a character boundary,
// marking the cut with "…".
func shortenGoods(s string) string {
	if len(s) <= maxGoodsBytes {
		return s
	}
	cut := maxGoodsBytes - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
