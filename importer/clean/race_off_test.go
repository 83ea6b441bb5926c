//go:build !race

package clean

// raceEnabled: see race_on_test.go.
const raceEnabled = false
