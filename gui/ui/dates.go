package ui

import "time"

// LocalDate shows a stored time as a local calendar date, "" for none.
func LocalDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02")
}

// LocalDateTime shows a stored time as local date and minute, "" for none.
func LocalDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}
