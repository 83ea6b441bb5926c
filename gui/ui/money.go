package ui

import (
	"context"
	"sync/atomic"

	"shopcrm/data"
)

// The archive's currency, as the window shows money. Every amount on screen goes
// through Money (and every unit label through CurrencySymbol), so an archive kept in
// pounds or dollars never shows a "¥". The shell reads the setting once when the
// window opens and again after every whole-archive change (ReadCurrency).
var currency atomic.Value // data.Currency

// SettingReader is what ReadCurrency needs of the store.
type SettingReader interface {
	Setting(ctx context.Context, key, def string) (string, error)
}

// ReadCurrency reads the archive's currency (data.SettingCurrency) through store and
// makes it the one Money shows. An archive that never set one is in yuan.
func ReadCurrency(ctx context.Context, store SettingReader) error {
	v, err := store.Setting(ctx, data.SettingCurrency, string(data.DefaultCurrency))
	if err != nil {
		return err
	}
	SetCurrency(data.Currency(v))
	return nil
}

// SetCurrency makes c the currency Money shows.
func SetCurrency(c data.Currency) { currency.Store(c.OrDefault()) }

// Currency is the archive's currency as last read.
func Currency() data.Currency {
	if c, ok := currency.Load().(data.Currency); ok {
		return c
	}
	return data.DefaultCurrency
}

// Money shows fen in the archive's currency: "¥123.45", "£0.05", "-$12.00".
func Money(fen int64) string { return Currency().Format(fen) }

// CurrencySymbol is the archive's currency mark without a trailing space, for a unit
// label ("近 12 个月销售额（£）", "or total ≥ £").
func CurrencySymbol() string { return Currency().Symbol() }

// Amount shows fen as a bare number with two decimals ("128.00"), for an entry the
// seller edits (the field's label or hint carries the currency mark) and for a sheet's
// cell in the import preview (the sheet may be in another currency than the archive).
func Amount(fen int64) string { return data.FormatYuan(fen) }
