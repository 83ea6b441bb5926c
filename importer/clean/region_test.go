package clean

import "testing"

func TestRegionFromAddress(t *testing.T) {
	for _, c := range []struct{ addr, province, city string }{
		{"广东省 湛江市 赤坎区 某路1号", "广东省", "湛江市"},
		{"浙江杭州市西湖区文三路", "浙江省", "杭州市"},
		{"浙江省杭州市西湖区", "浙江省", "杭州市"},
		{"北京 朝阳区 建国路", "北京市", "北京市"},
		{"上海市浦东新区", "上海市", "上海市"},
		{"重庆市渝中区", "重庆市", "重庆市"},
		{"天津天津市和平区", "天津市", "天津市"},
		{"广西壮族自治区 南宁市 青秀区", "广西壮族自治区", "南宁市"},
		{"广西南宁市", "广西壮族自治区", "南宁市"},
		{"内蒙古锡林郭勒盟锡林浩特市", "内蒙古自治区", "锡林郭勒盟"},
		{"新疆维吾尔自治区乌鲁木齐市", "新疆维吾尔自治区", "乌鲁木齐市"},
		{"吉林省延边朝鲜族自治州延吉市", "吉林省", "延边朝鲜族自治州"},
		{"黑龙江省大兴安岭地区", "黑龙江省", "大兴安岭地区"},
		{"江苏省 南京市 鼓楼区 湖南路街道****", "江苏省", "南京市"},
		{"湖南路 88 号", "", ""},                 // a street named after a province is not one
		{"河南省 某某县", "河南省", ""},               // no city name: only the province
		{"123 Main St, Springfield", "", ""}, // not a Chinese address
		{"", "", ""},
	} {
		p, ci := Region(c.addr)
		if p != c.province || ci != c.city {
			t.Errorf("%q: got %q %q, want %q %q", c.addr, p, ci, c.province, c.city)
		}
	}
}
