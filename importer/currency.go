package importer

import (
	"context"
	"errors"
	"fmt"

	"shopcrm/data"
	"shopcrm/importer/clean"
	"shopcrm/importer/field"
)

// ErrOtherCurrency: the file's money is in another currency than the archive's;
// amounts of different currencies are never added together, so nothing is imported.
// Errors wrapping it are *CurrencyError, which names both.
var ErrOtherCurrency = errors.New("file in another currency than the archive")

// CurrencyError says which currency the file and the archive are in.
type CurrencyError struct {
	File, Archive data.Currency
}

func (e *CurrencyError) Error() string {
	return fmt.Sprintf("the file is in %s, the archive in %s", e.File, e.Archive)
}

// Unwrap makes errors.Is(err, ErrOtherCurrency) hold.
func (e *CurrencyError) Unwrap() error { return ErrOtherCurrency }

// errStop ends a walk of the archive early.
var errStop = errors.New("stop")

// ArchiveCurrency is the archive's currency, and whether it is settled: set (by the
// seller or a first import) or, unset, CNY once the archive holds any trade. An empty
// archive's currency is not settled: its first import with money decides it.
func ArchiveCurrency(ctx context.Context, store Store) (data.Currency, bool, error) {
	v, err := store.Setting(ctx, data.SettingCurrency, "")
	if err != nil {
		return "", false, err
	}
	if c, ok := data.ParseCurrency(v); ok {
		return c, true, nil
	}
	any := false
	err = store.EachTrade(ctx, data.CustomerFilter{}, func(*data.Trade, *data.Customer) error {
		any = true
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
		return "", false, err
	}
	return data.DefaultCurrency, any, nil
}

// CurrencyCheck compares the currency a file names (Mapping.Currency) with the
// archive's, as the preview shows it: conflict when the file's money is in another
// currency than the archive's settled one (the import will refuse it). A file that
// names no currency, or has no money columns (file is then ""), never conflicts.
func CurrencyCheck(ctx context.Context, store Store, m *Mapping) (file, archive data.Currency, conflict bool, err error) {
	archive, settled, err := ArchiveCurrency(ctx, store)
	if err != nil {
		return "", "", false, err
	}
	if !m.hasMoney() {
		return "", archive, false, nil
	}
	file = m.Currency
	return file, archive, settled && file != "" && file != archive, nil
}

// hasMoney reports whether the sheet has an amount, refund or unit price column.
func (m *Mapping) hasMoney() bool {
	return m.Has(field.Amount) || m.Has(field.Refund) || m.Has(field.UnitPrice)
}

// sampleCurrency is the first currency a Currency column of the sample rows names.
func (m *Mapping) sampleCurrency(rows [][]string) data.Currency {
	for i, k := range m.Fields {
		if k != field.Currency {
			continue
		}
		for _, r := range rows {
			if i < len(r) {
				if c, ok := data.ParseCurrency(clean.Text(r[i])); ok {
					return c
				}
			}
		}
	}
	return ""
}

// currencyPlan settles, before an import, the currency its rows are taken in: the
// archive's, else (an empty archive) the file's. A file in another currency than the
// archive's is refused with a *CurrencyError. set: the file's currency becomes the
// archive's once the import is written.
func currencyPlan(ctx context.Context, store Store, plans []*sheetPlan) (target data.Currency, set bool, err error) {
	archive, settled, err := ArchiveCurrency(ctx, store)
	if err != nil {
		return "", false, err
	}
	for _, p := range plans {
		if f := p.m.Currency; f != "" && p.m.hasMoney() {
			if settled && f != archive {
				return "", false, &CurrencyError{File: f, Archive: archive}
			}
			if !settled {
				return f, true, nil
			}
		}
	}
	return archive, false, nil
}
