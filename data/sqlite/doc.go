// Package sqlite is ShopCRM's store: the domain of package data kept in one local
// SQLite file (modernc.org/sqlite, pure Go). It holds the embedded migrations, one file
// per table or noun (customer_sql.go, trade.go, tags.go, reminder_state.go …), the
// import engine (import*.go), grouping and reminders computed in SQL, the demo shop,
// and data safety: backups and their rotation, restore, the integrity check on open.
//
// Times are stored in UTC as 'YYYY-MM-DD HH:MM:SS'. Every write of more than one row is
// one transaction. Errors are mapped to package data's (ErrNotFound, ErrConflict,
// ErrDiskFull …) by code, never by text, and never carry personal data.
package sqlite
