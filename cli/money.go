package cli

import (
	"context"

	"shopcrm/data"
)

// currency is the archive's currency, read once per command: the text output shows
// amounts with its mark (--format csv keeps bare numbers for machines).
func currency(ctx context.Context, e *env) (data.Currency, error) {
	v, err := e.store.Setting(ctx, data.SettingCurrency, string(data.DefaultCurrency))
	return data.Currency(v).OrDefault(), err
}
