package data

import "testing"

func TestParseBirthday(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		ok   bool
	}{
		{"iso date", "1990-05-01", "1990-05-01", true},
		{"slashes unpadded", "1990/5/1", "1990-05-01", true},
		{"Chinese date", "1990年5月1日", "1990-05-01", true},
		{"compact", "19900501", "1990-05-01", true},
		{"date-time cell", "1990-05-01 00:00:00", "1990-05-01", true},
		{"utc midnight of the seller's zone is the local day", "1990-04-30T16:00:00Z", "1990-05-01", true},
		{"Chinese month and day", "5月1日", "05-01", true},
		{"Chinese month and day without 日", "5月1", "05-01", true},
		{"month-day padded", "05-01", "05-01", true},
		{"month-day slash", "5/1", "05-01", true},
		{"month-day dot", "5.1", "05-01", true},
		{"day first when the first part is above 12", "13/5", "05-13", true},
		{"feb 29 without a year", "02-29", "02-29", true},
		{"feb 30", "02-30", "", false},
		{"feb 29 in a common year", "1990-02-29", "", false},
		{"year only", "1990", "", false},
		{"year before 1900", "1899-05-01", "", false},
		{"year after 2100", "2101-05-01", "", false},
		{"month 13 and day 13", "13-13", "", false},
		{"lunar text is not a solar birthday", "八月十五", "", false},
		{"garbage", "abc", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseBirthday(tt.in, shanghai)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q %v, want %q %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

var lunarTests = []struct {
	name string
	in   string
	want string
	leap bool
	ok   bool
}{
	{"mid-autumn", "八月十五", "08-15", false, true},
	{"with the lunar marker", "农历八月十五", "08-15", false, true},
	{"阴历 marker", "阴历八月十五", "08-15", false, true},
	{"marker in parentheses after", "八月十五（农历）", "08-15", false, true},
	{"marker with colon", "农历：八月十五", "08-15", false, true},
	{"腊月", "腊月初八", "12-08", false, true},
	{"正月", "正月初一", "01-01", false, true},
	{"冬月 and 廿", "冬月廿三", "11-23", false, true},
	{"十一月", "十一月初三", "11-03", false, true},
	{"十二月 and 三十", "十二月三十", "12-30", false, true},
	{"十月 and 十", "十月初十", "10-10", false, true},
	{"二十 day", "三月二十", "03-20", false, true},
	{"二十一 day", "三月二十一", "03-21", false, true},
	{"廿 alone", "三月廿", "03-20", false, true},
	{"卅", "三月卅", "03-30", false, true},
	{"十 alone", "三月十", "03-10", false, true},
	{"日 suffix", "八月十五日", "08-15", false, true},
	{"leap month", "闰四月初五", "04-05", true, true},
	{"leap month misspelt 润", "润四月初五", "04-05", true, true},
	{"leap month with year", "2020年闰四月初五", "2020-04-05", true, true},
	{"digits padded", "08-15", "08-15", false, true},
	{"digits unpadded", "8-15", "08-15", false, true},
	{"digits with 月 and 日", "8月15日", "08-15", false, true},
	{"digit month and Chinese day", "8月十五", "08-15", false, true},
	{"marker and full numeric date", "农历1990-08-15", "1990-08-15", false, true},
	{"year and Chinese month", "1990年八月十五", "1990-08-15", false, true},
	{"full-width digits", "０８－１５", "08-15", false, true},
	{"day 31 does not exist", "八月三十一", "", false, false},
	{"day 31 in digits", "08-31", "", false, false},
	{"month 13", "十三月初一", "", false, false},
	{"month 0", "00-15", "", false, false},
	{"初 alone", "八月初", "", false, false},
	{"二 alone is not a day", "八月二", "", false, false},
	{"no month", "十五", "", false, false},
	{"year out of range", "1800-08-15", "", false, false},
	{"trailing garbage", "八月十五abc", "", false, false},
	{"three-digit month", "008-15", "", false, false},
	{"empty", "", "", false, false},
}

func TestParseLunarBirthday(t *testing.T) {
	tests := lunarTests
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, leap, ok := ParseLunarBirthday(tt.in)
			if got != tt.want || leap != tt.leap || ok != tt.ok {
				t.Errorf("got %q %v %v, want %q %v %v", got, leap, ok, tt.want, tt.leap, tt.ok)
			}
		})
	}
}
