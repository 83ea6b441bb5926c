package sqlite

import (
	"encoding/json"
)

func encodeExtra(m map[string]string) string {
	if len(m) == 0 {
		return "{}"
	}
	b, _ := json.Marshal(m) // a map of strings always marshals
	return string(b)
}

func decodeExtra(s string) map[string]string {
	var m map[string]string
	if s == "" || s == "{}" || json.Unmarshal([]byte(s), &m) != nil || len(m) == 0 {
		return nil
	}
	return m
}
