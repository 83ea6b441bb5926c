//go:build race

package importer

// raceEnabled shrinks the crash tests' generated sheet under the race detector, which
// makes every child import ten times slower without testing anything more.
const raceEnabled = true
