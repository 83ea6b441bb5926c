package sysenv

import (
	"os"
	"runtime"
	"testing"
)

func TestSettle(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the locale variables are read on Unix")
	}
	vars := []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}
	for _, tc := range []struct {
		name     string
		in, want map[string]string
	}{
		{"nothing set", map[string]string{}, map[string]string{"LC_MESSAGES": Default}},
		{"C", map[string]string{"LANG": "C"}, map[string]string{"LC_MESSAGES": Default}},
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "en"}, map[string]string{"LC_MESSAGES": Default}},
		{"POSIX in LC_ALL", map[string]string{"LC_ALL": "POSIX"}, map[string]string{"LC_MESSAGES": Default}},
		{"C over a real LANG", map[string]string{"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, map[string]string{"LANG": "en_US.UTF-8"}},
		{"real locale kept", map[string]string{"LANG": "zh_CN.UTF-8"}, map[string]string{"LANG": "zh_CN.UTF-8"}},
		{"modifier dropped", map[string]string{"LANG": "de_DE@euro"}, map[string]string{"LANG": "de_DE"}},
		{"encoding and modifier", map[string]string{"LANG": "sr_RS.UTF-8@latin"}, map[string]string{"LANG": "sr_RS.UTF-8"}},
		{"unknown language", map[string]string{"LANG": "xx_YY"}, map[string]string{"LC_MESSAGES": Default}},
		{"LANGUAGE list cleaned", map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "xx:en_GB:zz"}, map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "en_GB"}},
		{"LANGUAGE of nothing usable", map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "xx"}, map[string]string{"LANG": "en_US.UTF-8"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, v := range vars {
				t.Setenv(v, "") // restored after the test
				os.Unsetenv(v)
				if s, ok := tc.in[v]; ok {
					os.Setenv(v, s)
				}
			}
			Settle()
			for _, v := range vars {
				got, set := os.LookupEnv(v)
				want, wantSet := tc.want[v]
				if got != want || set != wantSet {
					t.Errorf("%s = %q (set %v), want %q (set %v)", v, got, set, want, wantSet)
				}
			}
		})
	}
}
