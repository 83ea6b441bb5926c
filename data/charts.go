package data

import (
	"time"
)

// MonthStat is one calendar month (local time) of sales and buyers.
type MonthStat struct {
	Month     time.Time // first day of the month, local
	SalesFen  int64     // net value of counting trades and refund-only rows
	Buyers    int       // distinct customers with a counting trade in the month
	NewBuyers int       // of them, those whose first counting trade is in the month
}

// Returning is the buyers who had bought before the month.
func (m MonthStat) Returning() int { return m.Buyers - m.NewBuyers }
