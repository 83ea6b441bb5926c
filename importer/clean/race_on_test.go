//go:build race

package clean

// raceEnabled lets the 541k-row scale test step aside under the race detector, which
// makes it ten times slower without adding anything: the parsers share no state.
const raceEnabled = true
