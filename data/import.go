package data

import (
	"strings"
)

// ImportRow is one record read from a seller's sheet: a customer (their identity and
// the fields to merge) and, when the row carries one, a trade.
type ImportRow struct {
	Row int // the sheet row it came from (the first row of a folded order)
	// Lines is how many sheet rows were folded into it (line items of one order);
	// 0 means one.
	Lines    int
	Customer Customer
	Trade    *Trade
	// Source names the sheet the row came from in the problems the store finds
	// with it; nil when there is nothing to name. Rows of one sheet share one.
	Source *RowSource

	checked  bool       // Check ran
	unlinked bool       // an order without a buyer: see Unlinked
	verdict  RowVerdict // what Check decided
	issues   []RowIssue // the problems Check found
	refused  string     // why the reader left the row's trade out: see RefuseTrade
}

// RefuseTrade says the reader left the row's trade out (Trade is nil) for reason, a
// row problem it has already reported (a trade dated after the file, in another
// currency, or whose money is a formula without a value): the customer is kept and
// the summary counts the row under that reason.
func (r *ImportRow) RefuseTrade(reason string) { r.refused = reason }

// RowSource is what row problems say about where a row came from.
type RowSource struct {
	Sheet string // set when a workbook's several sheets are imported
	// Columns names the sheet's column for each field a problem can be about, by
	// the field names of ValidationError ("nick", "qq", "traded_at": for a trade
	// time, every date column read, joined with " / ").
	Columns map[string]string
}

// Column is the sheet's column for a problem with field, "" when unknown.
func (src *RowSource) Column(field string) string {
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
	// IssueUnpaid: an order without a pay time in a sheet that has one: unpaid, so
	// it has no trade time; skipped like a row without a date.
	IssueUnpaid = "unpaid_no_date"
	// IssuePossibleDuplicate: a row known only by a name others carry made a new
	// customer; the seller may merge them by hand.
	IssuePossibleDuplicate = "possible_duplicate"
	// IssueOtherPhone: a row named a customer with another full phone than theirs;
	// it is kept as their other phone.
	IssueOtherPhone = "other_phone"
)

// PossibleDuplicate is a customer an import made for a row known only by a name
// that other customers carry (Alike): perhaps the same buyer, to merge by hand.
type PossibleDuplicate struct {
	Sheet      string
	Row        int
	Name       string // the name the row was known by
	CustomerID int64
	Alike      []int64
}

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
	// TradesUnlinked counts the orders this import created without a buyer (a file
	// that names none); TradesLinked the stored unlinked orders it attached to the
	// buyer a row names next to their order number.
	TradesUnlinked int
	TradesLinked   int
	Skipped        int
	Rejected       int
	Issues         []RowIssue
	// Outcomes say what was skipped and rejected, by reason, in rows and orders.
	Outcomes []Outcome
	// Duplicates are the new customers that may be someone already known.
	Duplicates []PossibleDuplicate
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

// Outcome is what one reason did to rows of an import: skipped (the customer kept,
// the trade not) or rejected (nothing kept), in sheet rows and in orders (the rows of
// one order count once).
type Outcome struct {
	Kind   string // OutcomeSkipped or OutcomeRejected
	Reason string // a row issue reason (Issue*)
	Rows   int
	Orders int
}

// Outcome kinds.
const (
	OutcomeSkipped  = "skipped"
	OutcomeRejected = "rejected"
)

// CountOutcome adds one imported row (an order with its lines) to the outcomes.
func (r *ImportResult) CountOutcome(kind, reason string, row *ImportRow) {
	lines := max(1, row.Lines)
	for i := range r.Outcomes {
		if o := &r.Outcomes[i]; o.Kind == kind && o.Reason == reason {
			o.Rows += lines
			o.Orders++
			return
		}
	}
	r.Outcomes = append(r.Outcomes, Outcome{Kind: kind, Reason: reason, Rows: lines, Orders: 1})
}

// VerdictReason is the reason of the problem that decided the row's verdict: Check
// stops at it, so it is the last one found.
func (r *ImportRow) VerdictReason() string {
	if r.refused != "" && (r.verdict == RowRejected || r.verdict == TradeRejected) {
		return r.refused
	}
	if len(r.issues) == 0 {
		return IssueInvalid
	}
	return r.issues[len(r.issues)-1].Reason
}
