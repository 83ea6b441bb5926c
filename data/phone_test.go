package data

import "testing"

var phoneTests = []struct {
	name string
	in   string
	want string
	ok   bool
}{
	{"plain mobile", "13800138000", "13800138000", true},
	{"taobao apostrophe", "'15863836573", "15863836573", true},
	{"+86 prefix with spaces", "+86 138 0013 8000", "13800138000", true},
	{"0086 prefix", "0086 13800138000", "13800138000", true},
	{"86 prefix", "8613800138000", "13800138000", true},
	{"dashes", "138-0013-8000", "13800138000", true},
	{"dots", "138.0013.8000", "13800138000", true},
	{"full-width digits", "１３８００１３８０００", "13800138000", true},
	{"padded with nbsp", "\u00a013800138000 ", "13800138000", true},
	{"masked mobile", "138****1234", "138****1234", true},
	{"masked mobile with spaces", "138 **** 1234", "138****1234", true},
	{"masked mobile with +86", "+86 138****1234", "138****1234", true},
	{"fully masked tail from JD", "182********", "182********", true},
	{"landline keeps the area-code dash", "010-12345678", "010-12345678", true},
	{"landline in parentheses", "(010) 12345678", "01012345678", true},
	{"landline with extension", "010-12345678转123", "010-12345678-123", true},
	{"hong kong from taobao", "'852-72188617", "+85272188617", true},
	{"international prefix 00", "00852 7218 8617", "+85272188617", true},
	{"international with apostrophe and spaces", "'+46 79 538 22 11", "+46795382211", true},
	{"international plain", "+16255394199", "+16255394199", true},
	{"north american with area code in parentheses", "(519) 803-0255", "+15198030255", true},
	{"north american with country code", "1 (839) 379-6918", "+18393796918", true},
	{"north american in dashed groups", "800-223-5465", "+18002235465", true},
	{"north american in dotted groups", "626.551.6982", "+16265516982", true},
	{"north american with 1- prefix", "1-800-223-5465", "+18002235465", true},
	{"north american with +1 and spaces", "+1 800 223 5465", "+18002235465", true},
	{"foreign number starting 10", "1040505495", "1040505495", true},
	{"landline in 3-4-4 groups", "010-6552-9988", "010-65529988", true},
	{"mainland mobile missing a digit", "1371925982", "1371925982", false},
	{"mobile-like 11 digits starting 10", "10405054951", "10405054951", false},
	{"north american cut short", "1 (214) 634-1", "1214634-1", false},
	{"too short", "12345", "12345", false},
	{"letters", "abc", "abc", false},
	{"empty", "", "", false},
}

func TestParsePhone(t *testing.T) {
	tests := phoneTests
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParsePhone(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("got %q %v, want %q %v", got, ok, tt.want, tt.ok)
			}
			if ok && !IsMaskedPhone(got) && !ValidPhone(got) {
				t.Errorf("got %q which ValidPhone refuses", got)
			}
			if ok && NormalizePhone(got) != got {
				t.Errorf("NormalizePhone changes it: got %q, want %q", NormalizePhone(got), got)
			}
		})
	}
}

// TestValidPhoneTakesEveryPlatformMask: the masks platforms write (Taobao 2018's
// 200********, Douyin's 1********35 and 1387677****, JD's 182********) are valid
// phones to show, so the import keeps them instead of dropping the cell as bad; a
// single star or stars alone are not a number.
func TestValidPhoneTakesEveryPlatformMask(t *testing.T) {
	for in, want := range map[string]bool{
		"138****1234": true, "182********": true, "200********": true, "1********35": true,
		"1387677****": true, "010****5678": true, "1380013800*": false, "***********": false, "1**": false,
	} {
		if got := ValidPhone(in); got != want {
			t.Errorf("ValidPhone(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestIsMaskedPhone(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"middle masked", "138****1234", true},
		{"tail masked", "182********", true},
		{"real number", "13800138000", false},
		{"empty", "", false},
		{"star in text", "VIP*", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsMaskedPhone(tt.in); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParsePhoneWithoutCountryCodeFollowsValidPhone(t *testing.T) {
	// Whether a bare national number ("3164837635" from a Shopify export) is accepted
	// is ValidPhone's policy; ParsePhone only cleans it.
	for _, in := range []string{"3164837635", "(316) 483 7635x", "827550637838"} {
		got, ok := ParsePhone(in)
		if want := ValidPhone(NormalizePhone(got)); ok != want {
			t.Errorf("%q: got %q %v, want ok %v", in, got, ok, want)
		}
	}
}

func TestIsLandline(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"01012345678", true}, {"010-12345678", true}, {"0755-8888888", true},
		{"0755-88888888-123", true}, {"01012345678-1", true}, {"010-1234567", true},
		{"0101234567", true}, {"010123456789", true},
		{"010-123456", false}, {"0101234567890", false}, {"010--12345678", false}, {"-010", false},
		{"010-12345678-1234567", false}, {"0-12345678", false}, {"01-12345678", false},
		{"01234-1234567", false}, {"0755-88888888-", false}, {"1012345678", false}, {"010 12345678", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := isLandline(tt.in); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			// The fast path must only take what is stored unchanged and accepted.
			if tt.want && (!ValidPhone(tt.in) || NormalizePhone(tt.in) != tt.in) {
				t.Errorf("data disagrees: ValidPhone %v, NormalizePhone %q", ValidPhone(tt.in), NormalizePhone(tt.in))
			}
		})
	}
}
