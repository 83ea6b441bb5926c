package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"shopcrm/data"
)

// Errors go to the log; they must carry ids, fields and codes, never what a buyer is
// called, their phone or their address.
func TestErrorsNeverCarryPersonalData(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	secrets := []string{"秘密网名", "13711112222", "秘密路", "王秘密", "ORDER-秘密-1"}
	c := &data.Customer{Platform: data.PlatformTaobao, Nick: "秘密网名", Name: "王秘密", Phone: "13711112222", Address: "秘密路 1 号"}
	if err := s.CreateCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	tr := &data.Trade{CustomerID: c.ID, OrderNo: "ORDER-秘密-1", TradedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), AmountFen: 100}
	if err := s.CreateTrade(ctx, tr); err != nil {
		t.Fatal(err)
	}
	var errs []error
	_, err := s.FindCustomerByNick(ctx, data.PlatformJD, "秘密网名")
	errs = append(errs, err)
	errs = append(errs, s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "秘密网名"}))
	errs = append(errs, s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "另一个", Phone: "秘密路 13711112222 x"}))
	errs = append(errs, s.CreateCustomer(ctx, &data.Customer{Platform: data.PlatformTaobao, Nick: "x", Email: "秘密网名@@"}))
	dup := *tr
	dup.ID = 0
	errs = append(errs, s.CreateTrade(ctx, &dup))
	_, err = s.Import(ctx, data.ImportOptions{FileName: "秘密.xlsx"}, nil, rowsOf(data.ImportRow{Row: 2,
		Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "秘密网名", Phone: "13711112222"},
		Trade:    &data.Trade{OrderNo: "ORDER-秘密-1", TradedAt: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), AmountFen: -5, Status: "秘密路"}}))
	errs = append(errs, err)
	failures := 0
	for i, err := range errs {
		if err == nil {
			continue
		}
		failures++
		for _, secret := range secrets {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error %d %q carries personal data %q", i, err, secret)
			}
		}
	}
	if failures < 4 {
		t.Fatalf("only %d of the calls failed; the test no longer provokes errors", failures)
	}
}
