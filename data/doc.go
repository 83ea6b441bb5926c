// Package data is ShopCRM's domain: customers, trades, import rows and batches,
// follow-ups, contact records, templates, tiers, RFM segments and reminder rules, with
// their validation and the value rules (money, phones, masking, tags, dates).
//
// It holds no SQL: the SQLite store behind these types is package data/sqlite, the data
// folder (location, one-instance lock) is package data/folder.
//
// Money is integer fen (分). Times are UTC in the domain and shown in local time by the
// callers. This package never imports Fyne or database/sql.
package data
