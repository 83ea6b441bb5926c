package sqlite

import (
	"context"
	"fmt"

	"shopcrm/data"
)

// DemoArchive makes dir a sample-shop archive of o's size, once: a folder that already
// holds o.Customers customers is kept as it is (a benchmark's large archive is
// generated on its first run and reused), an empty one is filled with GenerateDemo,
// and one holding another number of customers is refused rather than added to.
func DemoArchive(ctx context.Context, dir string, o data.DemoOptions) error {
	s, err := Open(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM customers`).Scan(&n); err != nil {
		return err
	}
	switch n {
	case o.Customers:
		return nil
	case 0:
		return s.GenerateDemo(ctx, o)
	}
	return fmt.Errorf("%s holds %d customers, not %d; delete it to regenerate", dir, n, o.Customers)
}
