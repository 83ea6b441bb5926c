package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestOneStatedGoVersion: go.mod's go line is the one Go version; README states the
// same, and the Makefile reads it from go.mod instead of naming one of its own.
func TestOneStatedGoVersion(t *testing.T) {
	mod := read(t, "go.mod")
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	want := m[1]
	stated := regexp.MustCompile(`\bGo (\d+\.\d+)`)
	for _, file := range []string{"README.md", "Makefile"} {
		for _, got := range stated.FindAllStringSubmatch(read(t, file), -1) {
			if got[1] != want {
				t.Errorf("%s states %q; go.mod says Go %s", file, got[0], want)
			}
		}
	}
	if !strings.Contains(read(t, "README.md"), "Go "+want) {
		t.Errorf("README does not state Go %s", want)
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
