package data

import (
	"strings"
)

// ImportRow is one record read from a seller's sheet: a customer (their identity and
// the fields to merge) and, when the row carries one, a trade.
type ImportRow struct {
	Row      int // the sheet row it came from (the first row of a folded order)
	Customer Customer
	Trade    *Trade
	// Source names the sheet the row came from in the problems the store finds
	// with it; nil when there is nothing to name. Rows of one sheet share one.
	Source *RowSource

	checked bool       // Check ran
	verdict RowVerdict // what Check decided
	issues  []RowIssue // the problems Check found
}

// RowSource is what row problems say about where a row came from.
type RowSource struct {
	Sheet string // set when a workbook's several sheets are imported
	// Columns names the sheet's column for each field a problem can be about, by
	// the field names of ValidationError ("nick", "qq", "traded_at": for a trade
	// time, every date column read, joined with " / ").
	Columns map[string]string
}

// column is the sheet's column for a problem with field, "" when unknown.
func (src *RowSource) column(field string) string {
	if src == nil {
		return ""
	}
	return src.Columns[field]
}

// identityColumns names the columns that could have said who the buyer is.
func (src *RowSource) identityColumns() string {
	var cols []string
	if src != nil {
		for _, f := range []string{"nick", "name", "phone"} {
			if h := src.Columns[f]; h != "" {
				cols = append(cols, h)
			}
		}
	}
	return strings.Join(cols, " / ")
}

// RowIssue is a problem with one row of an imported sheet. It is a result shown to
// the seller (and saved in their report), never logged.
type RowIssue struct {
	Sheet  string // set when a workbook's several sheets were imported
	Row    int
	Column string // the sheet's header(s) the problem is about
	Reason string // a code the GUI translates: see the Issue* constants
	Value  string // the offending cell, for the seller's own report
}

// Row issue reasons.
const (
	IssueNoIdentity     = "no_identity" // neither nick, name nor phone: row rejected
	IssueNoDate         = "no_date"     // a trade without any date: row skipped
	IssueBadDate        = "bad_date"
	IssueBadPhone       = "bad_phone"
	IssueBadEmail       = "bad_email"
	IssueBadAmount      = "bad_amount"
	IssueBadNumber      = "bad_number"
	IssueBadValue       = "bad_value"
	IssueLossyOrder     = "lossy_order_no"  // Excel turned the order number into 1.37E+14: not used as a key
	IssueDuplicate      = "duplicate_row"   // the same trade as an earlier row of the file: skipped
	IssueAfterFile      = "after_file"      // a trade dated after the file was written: not imported
	IssueNoValue        = "no_value"        // a formula without a value that could not be calculated
	IssueOtherCurrency  = "other_currency"  // a trade in another currency than the archive's: not imported
	IssueDescriptionRow = "description_row" // a row under the header that describes the columns: not data, skipped
	IssueInvalid        = "invalid"         // the domain rejected the record
)

// ImportOptions describes the file an import comes from.
type ImportOptions struct {
	FileName string
	Hash     string // content hash of the file
	Sheet    string
	Layout   string // JSON of the sheet's headers and mapping, for export in the seller's layout
	DryRun   bool   // do everything, report, and roll back
}

// ImportResult counts what an import did (or, dry, would do).
type ImportResult struct {
	BatchID            int64
	CustomersCreated   int
	CustomersUpdated   int
	CustomersUnchanged int
	TradesCreated      int
	TradesUpdated      int
	TradesUnchanged    int
	Skipped            int
	Rejected           int
	Issues             []RowIssue
}

// clearField drops a value the domain refuses, so the rest of the row can be kept.
func clearField(c *Customer, f string) {
	switch f {
	case "phone":
		c.Phone = ""
	case "email":
		c.Email = ""
	case "qq":
		c.QQ = ""
	case "birthday":
		c.Birthday, c.BirthdayLunar = "", false
	case "gender":
		c.Gender = GenderUnknown
	case "platform":
		c.Platform = PlatformOther
	case "nick", "name", "address", "note":
		// too long: keep what fits
		for _, p := range []*string{&c.Nick, &c.Name, &c.Address, &c.Note} {
			if r := []rune(*p); len(r) > MaxTextLen {
				*p = string(r[:MaxTextLen])
			}
		}
	}
}
