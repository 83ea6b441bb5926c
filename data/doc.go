// Package data holds ShopCRM's domain: customers, trades, import batches, follow-ups,
// contact records, templates, settings and the audit log, with validation and the
// SQLite store that keeps them in one local file.
//
// Money is integer fen (分). Times are stored in UTC as 'YYYY-MM-DD HH:MM:SS' and shown
// in local time by the callers. Every write of more than one row is one transaction.
// This package never imports Fyne.
package data
