package data

import (
	"errors"
	"fmt"
)

var (
	// ErrLocked means another ShopCRM (window or command) already has this data folder open.
	ErrLocked = errors.New("data folder is in use by another ShopCRM")
	// ErrNotFound means the requested row does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means a unique key (platform + nick, platform + order number) is taken.
	ErrConflict = errors.New("already exists")
	// ErrNewerDatabase means the file was written by a newer ShopCRM than this one.
	ErrNewerDatabase = errors.New("database is from a newer ShopCRM version")
	// ErrWrongPassword means the app lock password does not match.
	ErrWrongPassword = errors.New("wrong app password")
)

// ValidationError names the field that failed and why, as a stable code the GUI
// translates (for example Field "phone", Code "invalid").
type ValidationError struct {
	Field string
	Code  string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("invalid %s: %s", e.Field, e.Code)
}

// Validation codes.
const (
	CodeRequired = "required"
	CodeInvalid  = "invalid"
	CodeTooLong  = "too_long"
)

func Invalid(field, code string) error { return &ValidationError{Field: field, Code: code} }
