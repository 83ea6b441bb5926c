package clean

import (
	"strings"
	"unicode/utf8"
)

// provinces are China's provincial-level divisions: the official name and the short
// name an address may start with instead.
var provinces = [][2]string{
	{"北京市", "北京"}, {"天津市", "天津"}, {"上海市", "上海"}, {"重庆市", "重庆"},
	{"河北省", "河北"}, {"山西省", "山西"}, {"辽宁省", "辽宁"}, {"吉林省", "吉林"}, {"黑龙江省", "黑龙江"},
	{"江苏省", "江苏"}, {"浙江省", "浙江"}, {"安徽省", "安徽"}, {"福建省", "福建"}, {"江西省", "江西"},
	{"山东省", "山东"}, {"河南省", "河南"}, {"湖北省", "湖北"}, {"湖南省", "湖南"}, {"广东省", "广东"},
	{"海南省", "海南"}, {"四川省", "四川"}, {"贵州省", "贵州"}, {"云南省", "云南"}, {"陕西省", "陕西"},
	{"甘肃省", "甘肃"}, {"青海省", "青海"}, {"台湾省", "台湾"},
	{"内蒙古自治区", "内蒙古"}, {"广西壮族自治区", "广西"}, {"西藏自治区", "西藏"},
	{"宁夏回族自治区", "宁夏"}, {"新疆维吾尔自治区", "新疆"},
	{"香港特别行政区", "香港"}, {"澳门特别行政区", "澳门"},
}

// municipalities are their own city.
var municipalities = map[string]bool{"北京市": true, "天津市": true, "上海市": true, "重庆市": true}

// citySuffixes end a prefecture-level name: 湛江市, 延边朝鲜族自治州, 大兴安岭地区, 锡林郭勒盟.
var citySuffixes = []string{"市", "自治州", "地区", "盟"}

// maxCityRunes bounds how far into an address a city name is looked for.
const maxCityRunes = 10

// Region reads the province and city an address starts with: "广东省 湛江市 赤坎区…"
// is 广东省 and 湛江市, "浙江杭州市…" is 浙江省 and 杭州市, "上海市浦东新区…" is 上海市 and
// 上海市, "广西南宁市…" is 广西壮族自治区 and 南宁市. A city is only read when its name
// ends as one does (市, 自治州, 地区, 盟); an address that starts with neither gives "".
func Region(addr string) (province, city string) {
	s := strings.TrimSpace(addr)
	if s == "" || s[0] < utf8.RuneSelf {
		return "", "" // a Chinese address starts with a Chinese character
	}
	for _, p := range provinces {
		var rest string
		switch {
		case strings.HasPrefix(s, p[0]):
			rest = s[len(p[0]):]
		case strings.HasPrefix(s, p[1]) && shortNameEnds(s[len(p[1]):], municipalities[p[0]]):
			rest = strings.TrimPrefix(s[len(p[1]):], "省")
		default:
			continue
		}
		province = p[0]
		if municipalities[province] {
			return province, province
		}
		return province, cityOf(strings.TrimLeft(rest, " \t　"))
	}
	return "", ""
}

// shortNameEnds reports whether a province's short name ends where rest begins (湖南 in
// 湖南路 does not): a space, 省, a city name, or for a municipality a district follows.
func shortNameEnds(rest string, municipality bool) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	switch {
	case r == ' ' || r == '　' || r == '\t' || r == '省':
		return true
	case cityOf(rest) != "":
		return true
	}
	if municipality {
		for i, r := range rest {
			if i > 4*3 || r < utf8.RuneSelf {
				break
			}
			if (r == '区' || r == '县') && i > 0 {
				return true
			}
		}
	}
	return false
}

// cityOf is the city name s starts with, or "".
func cityOf(s string) string {
	n := 0
	for i, r := range s {
		if n++; n > maxCityRunes || r == ' ' || r == '　' || r < utf8.RuneSelf {
			break
		}
		for _, suf := range citySuffixes {
			if strings.HasPrefix(s[i:], suf) && n > 1 {
				return s[:i+len(suf)]
			}
		}
	}
	return ""
}
