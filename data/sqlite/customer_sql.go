package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shopcrm/data"
)

var sortColumns = map[data.CustomerSort]string{
	data.SortCreated:   "c.id",
	data.SortNick:      "c.nick",
	data.SortName:      "c.name",
	data.SortPhone:     "c.phone",
	data.SortCity:      "c.province || c.city",
	data.SortTrades:    "c.trade_count",
	data.SortTotal:     "c.total_fen",
	data.SortLastTrade: "c.last_trade_at",
	data.SortTier:      "c.tier_rank",
}

// tierNameSQL is the stored name of the customer row c's tier. The rank is kept by
// triggers and SaveTiers (migration 0002), so the list never evaluates tier rules.
const tierNameSQL = `SELECT tr.name FROM tiers tr WHERE tr.rank = c.tier_rank`

const tagSep = "\x1f"

const customerColumns = `c.id, c.platform, c.nick, c.name, c.gender, c.birthday, c.birthday_lunar,
	c.phone, c.email, c.wechat, c.wangwang, c.qq, c.province, c.city, c.address, c.source, c.note,
	c.marketing_opt_out, c.extra, c.created_at, c.updated_at,
	c.trade_count, c.total_fen, c.first_trade_at, c.last_trade_at,
	coalesce((` + tierNameSQL + `), ''),
	coalesce((SELECT group_concat(t.name, '` + tagSep + `') FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id), ''),
	(SELECT group_concat(b.reason, '；') FROM blacklist b WHERE b.customer_id = c.id)`

// scanCustomer reads one row of customerColumns, then any extra columns into more.
func scanCustomer(sc interface{ Scan(...any) error }, more ...any) (*data.Customer, error) {
	var (
		c                   data.Customer
		extra, created, upd string
		first, last         sql.NullString
		tags                string
		blacklist           sql.NullString
		lunar, optOut       bool
		platform, gender    string
	)
	dest := []any{&c.ID, &platform, &c.Nick, &c.Name, &gender, &c.Birthday, &lunar,
		&c.Phone, &c.Email, &c.WeChat, &c.Wangwang, &c.QQ, &c.Province, &c.City, &c.Address, &c.Source, &c.Note,
		&optOut, &extra, &created, &upd,
		&c.Stats.TradeCount, &c.Stats.TotalFen, &first, &last, &c.Tier, &tags, &blacklist}
	err := sc.Scan(append(dest, more...)...)
	if err != nil {
		return nil, err
	}
	c.Platform, c.Gender = data.Platform(platform), data.Gender(gender)
	c.Blacklisted, c.BlacklistReason = blacklist.Valid, blacklist.String
	c.BirthdayLunar, c.MarketingOptOut = lunar, optOut
	c.Extra = decodeExtra(extra)
	c.CreatedAt, c.UpdatedAt = parseTime(created), parseTime(upd)
	c.Stats.FirstTrade, c.Stats.LastTrade = parseNullTime(first), parseNullTime(last)
	if tags != "" {
		c.Tags = strings.Split(tags, tagSep)
	}
	return &c, nil
}

// CreateCustomer validates and stores a new customer, setting its ID and times.
// A taken platform + nick gives ErrConflict.
func (s *Store) CreateCustomer(ctx context.Context, c *data.Customer) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertCustomer(ctx, tx, c, now, 0); err != nil {
			return err
		}
		return audit(ctx, tx, now, data.AuditCustomerCreate, 1, fmt.Sprintf("id=%d", c.ID))
	})
	if err != nil {
		return fmt.Errorf("create customer: %w", err)
	}
	return nil
}

// UpdateCustomer validates and saves every editable field of an existing customer.
func (s *Store) UpdateCustomer(ctx context.Context, c *data.Customer) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := updateCustomer(ctx, tx, c, now); err != nil {
			return err
		}
		return audit(ctx, tx, now, data.AuditCustomerUpdate, 1, fmt.Sprintf("id=%d", c.ID))
	})
	if err != nil {
		return fmt.Errorf("update customer %d: %w", c.ID, err)
	}
	return nil
}

var insertCustomerSQL = customerInsert.insert("INSERT", "")

// insertCustomer writes a new customer row and its tags; batchID is 0 outside imports.
func insertCustomer(ctx context.Context, tx execer, c *data.Customer, now time.Time, batchID int64) error {
	at := formatTime(now)
	res, err := tx.ExecContext(ctx, insertCustomerSQL, customerRow(nil, c, nil, batchID, at, at)...)
	if err != nil {
		return mapError(err)
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	c.CreatedAt, c.UpdatedAt = now, now
	if len(c.Tags) == 0 {
		return nil // a new customer has no tag rows to replace
	}
	return setTags(ctx, tx, c.ID, c.Tags)
}

// updateCustomer rewrites every editable field of c and its tags.
func updateCustomer(ctx context.Context, tx execer, c *data.Customer, now time.Time) error {
	res, err := tx.ExecContext(ctx, updateCustomerSQL, append(customerValues(nil, c), formatTime(now), c.ID)...)
	if err != nil {
		return mapError(err)
	}
	if err := mustAffect(res); err != nil {
		return err
	}
	c.UpdatedAt = now
	return setTags(ctx, tx, c.ID, c.Tags)
}

// DeleteCustomer removes a customer with their trades, contacts and reminders.
func (s *Store) DeleteCustomer(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM customers WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if err := mustAffect(res); err != nil {
			return err
		}
		return audit(ctx, tx, s.now(), data.AuditCustomerDelete, 1, fmt.Sprintf("id=%d", id))
	})
	if err != nil {
		return fmt.Errorf("delete customer %d: %w", id, err)
	}
	return nil
}

// FindCustomerByID returns one customer, or ErrNotFound.
func (s *Store) FindCustomerByID(ctx context.Context, id int64) (*data.Customer, error) {
	c, err := scanCustomer(s.db.QueryRowContext(ctx, `SELECT `+customerColumns+` FROM customers c WHERE c.id = ?`, id))
	if err != nil {
		return nil, fmt.Errorf("find customer %d: %w", id, mapError(err))
	}
	return c, nil
}

// FindCustomerByNick returns the customer with this platform and nick, or ErrNotFound.
func (s *Store) FindCustomerByNick(ctx context.Context, platform data.Platform, nick string) (*data.Customer, error) {
	c, err := scanCustomer(s.db.QueryRowContext(ctx, `SELECT `+customerColumns+` FROM customers c
		WHERE c.platform = ? AND c.nick = ? AND c.nick <> ''`, platform, strings.TrimSpace(nick)))
	if err != nil {
		return nil, fmt.Errorf("find customer by nick: %w", mapError(err))
	}
	return c, nil
}

// fewMatches is the most matches a filtered page is fetched as a whole set for.
const fewMatches = 5000

// FindCustomers returns one page of the customers matching f and how many match in all.
func (s *Store) FindCustomers(ctx context.Context, f data.CustomerFilter) ([]*data.Customer, int, error) {
	where, args, err := s.filterSQL(ctx, f)
	if err != nil {
		return nil, 0, fmt.Errorf("find customers: %w", err)
	}
	filtered := where != ""
	var out []*data.Customer
	total := 0
	// Count first (a count holds no row), then fetch the page. Few matches (a name, a
	// phone fragment: the search index finds them) are fetched and sorted as a set;
	// many (one common character: 65,000 of 200k customers) walk the sort order and
	// stop at the page's last match, instead of holding and sorting every match
	// (1.3 s against 0.15 s for that one character).
	q := `SELECT count(*) FROM customers`
	if filtered {
		q = `SELECT count(*) FROM customers c` + where
	}
	if err = s.db.QueryRowContext(ctx, q, args...).Scan(&total); err == nil {
		err = s.eachCustomer(ctx, f, filtered && total <= fewMatches, func(c *data.Customer) error {
			out = append(out, c)
			return nil
		})
	}
	if err != nil {
		return nil, 0, fmt.Errorf("find customers: %w", err)
	}
	return out, total, nil
}

// EachCustomer streams the customers matching f, in order, to fn without holding them
// all in memory; an error from fn stops the walk and is returned.
func (s *Store) EachCustomer(ctx context.Context, f data.CustomerFilter, fn func(*data.Customer) error) error {
	return s.eachCustomer(ctx, f, false, fn)
}

// eachCustomer runs the list query. asSet keeps SQLite from walking the sort order
// (it finds the matches first, through the search index when it can, then sorts
// them): right for few matches, slow for many.
func (s *Store) eachCustomer(ctx context.Context, f data.CustomerFilter, asSet bool, fn func(*data.Customer) error) error {
	where, args, err := s.filterSQLFor(ctx, f, !asSet && f.Limit > 0)
	if err != nil {
		return fmt.Errorf("find customers: %w", err)
	}
	col, ok := sortColumns[f.Sort]
	if !ok {
		return data.Invalid("sort", data.CodeInvalid)
	}
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	order := col + dir + `, c.id` + dir
	if asSet {
		order = `+` + col + dir + `, +c.id` + dir // unary + : no index serves the order
	}
	q := `SELECT ` + customerColumns + ` FROM customers c` + where + ` ORDER BY ` + order
	if f.Limit > 0 {
		q += ` LIMIT ? OFFSET ?`
		args = append(args, f.Limit, f.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("find customers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCustomer(rows)
		if err != nil {
			return fmt.Errorf("find customers: %w", err)
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find customers: %w", err)
	}
	return nil
}

// where turns the free-text query into SQL: every word must appear in the customer's
// search text. Words of three or more characters use the trigram index; shorter ones
// scan the narrow search table. Customers not indexed yet (search_pending.go) are
// matched by their own fields. A word that looks like a phone fragment ("138-0013")
// is matched by its digits.
func filterWhere(f data.CustomerFilter) (string, []any) {
	var conds []string
	var args []any
	for _, w := range data.SearchWords(f.Query) {
		if utf8.RuneCountInString(w) >= 3 {
			conds = append(conds, `(c.id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)`+searchPendingOr)
			args = append(args, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`, w)
		} else {
			conds = append(conds, `(c.id IN (SELECT id FROM customer_search WHERE instr(text, ?) > 0)`+searchPendingOr)
			args = append(args, w, w)
		}
	}
	if f.Tag != "" {
		conds = append(conds, `c.id IN (SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?)`)
		args = append(args, f.Tag)
	}
	if f.Tier != "" {
		conds = append(conds, `c.tier_rank = (SELECT rank FROM tiers WHERE name = ?)`)
		args = append(args, f.Tier)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// setTags replaces a customer's manual tags.
func setTags(ctx context.Context, tx execer, customerID int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM customer_tags WHERE customer_id = ?`, customerID); err != nil {
		return err
	}
	for _, t := range tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, t); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO customer_tags (customer_id, tag_id)
			SELECT ?, id FROM tags WHERE name = ?`, customerID, t); err != nil {
			return err
		}
	}
	return nil
}

func mustAffect(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return data.ErrNotFound
	}
	return nil
}
