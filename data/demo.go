package data

// DemoOptions sizes the generated sample shop.
type DemoOptions struct {
	Customers int
	Trades    int
	Seed      uint64 // same seed, same shop
	// Progress, when set, is told how many rows are written so far out of all.
	Progress func(done, all int)
}
