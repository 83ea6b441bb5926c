package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"shopcrm/data"
)

// GenerateDemo fills the store with a realistic sample shop: Chinese nicks and names,
// 11-digit mobiles, provinces and cities, goods, skewed repeat buying (most buyers
// order once, a few very often), some refunds, closed and unpaid orders. Every
// customer is marked with Source DemoSource. The whole fill is one transaction.
func (s *Store) GenerateDemo(ctx context.Context, o data.DemoOptions) error {
	if o.Customers <= 0 || o.Trades < 0 {
		return data.Invalid("customers", data.CodeInvalid)
	}
	g := newDemoGen(o.Seed, s.now())
	all := o.Customers + o.Trades
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var firstID int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM customers`).Scan(&firstID); err != nil {
			return err
		}
		platforms, err := g.insertCustomers(ctx, tx, o, firstID)
		if err != nil {
			return err
		}
		if err := g.insertTrades(ctx, tx, o, firstID, platforms); err != nil {
			return err
		}
		if err := refreshAllStats(ctx, tx); err != nil {
			return err
		}
		return audit(ctx, tx, s.now(), data.AuditDemoGenerate, all, fmt.Sprintf("customers=%d trades=%d", o.Customers, o.Trades))
	})
	if err != nil {
		return fmt.Errorf("generate demo data: %w", err)
	}
	return nil
}

type demoGen struct {
	r   *rand.Rand
	now time.Time
	// nickTaken keeps generated nicks unique per platform.
	nickTaken map[string]bool
}

func newDemoGen(seed uint64, now time.Time) *demoGen {
	return &demoGen{r: rand.New(rand.NewPCG(seed, seed^0x5eed)), now: now, nickTaken: map[string]bool{}}
}

func (g *demoGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// insertCustomers writes o.Customers customers from firstID on and returns their
// platforms, which their trades take.
func (g *demoGen) insertCustomers(ctx context.Context, tx *sql.Tx, o data.DemoOptions, firstID int64) ([]data.Platform, error) {
	stmt, err := tx.PrepareContext(ctx, insertCustomerSQL)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	platforms := make([]data.Platform, o.Customers)
	var vals []any
	for i := 0; i < o.Customers; i++ {
		if i%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if o.Progress != nil {
				o.Progress(i, o.Customers+o.Trades)
			}
		}
		c := g.customer()
		c.Source = data.DemoSource
		platforms[i] = c.Platform
		created := formatTime(g.now.Add(-time.Duration(g.r.IntN(730*24)) * time.Hour))
		vals = customerRow(vals[:0], c, firstID+int64(i), 0, created, created)
		if _, err := stmt.ExecContext(ctx, vals...); err != nil {
			return nil, err
		}
	}
	return platforms, nil
}

func (g *demoGen) customer() *data.Customer {
	c := &data.Customer{Platform: g.platform()}
	surname, given := g.pick(demoSurnames), g.pick(demoGiven)
	if g.r.IntN(3) > 0 {
		given += g.pick(demoGiven)
	}
	c.Name = surname + given
	for {
		c.Nick = g.nick(surname, given)
		key := string(c.Platform) + "\x00" + c.Nick
		if !g.nickTaken[key] {
			g.nickTaken[key] = true
			break
		}
	}
	c.Gender = []data.Gender{data.GenderFemale, data.GenderFemale, data.GenderMale, data.GenderUnknown}[g.r.IntN(4)]
	c.Phone = g.pick(demoMobilePrefixes) + fmt.Sprintf("%08d", g.r.IntN(100000000))
	if g.r.IntN(4) == 0 {
		c.Email = fmt.Sprintf("%s%d@%s", g.pick(demoPinyin), g.r.IntN(10000), g.pick([]string{"qq.com", "163.com", "126.com", "sina.com", "gmail.com"}))
	}
	if g.r.IntN(5) == 0 {
		c.WeChat = fmt.Sprintf("wxid_%s%d", g.pick(demoPinyin), g.r.IntN(100000))
	}
	if g.r.IntN(3) == 0 {
		c.Birthday = time.Date(1965+g.r.IntN(40), time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.IntN(365)).Format(data.DateLayout)
	}
	pc := demoPlaces[g.r.IntN(len(demoPlaces))]
	c.Province = pc[0]
	c.City = g.pick(strings.Split(pc[1], ","))
	c.Address = fmt.Sprintf("%s%s%d号%d栋%d室", g.pick(demoDistricts), g.pick(demoRoads), 1+g.r.IntN(300), 1+g.r.IntN(30), 101+g.r.IntN(2800))
	return c
}

func (g *demoGen) platform() data.Platform {
	switch n := g.r.IntN(100); {
	case n < 55:
		return data.PlatformTaobao
	case n < 70:
		return data.PlatformTmall
	case n < 82:
		return data.PlatformJD
	case n < 94:
		return data.PlatformPDD
	case n < 98:
		return data.PlatformDouyin
	default:
		return data.PlatformOther
	}
}

func (g *demoGen) nick(surname, given string) string {
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("tb%d", 100000000+g.r.IntN(900000000))
	case 1:
		return fmt.Sprintf("%s_%d", g.pick(demoPinyin), 1970+g.r.IntN(40))
	case 2:
		return g.pick(demoNickA) + g.pick(demoNickB) + fmt.Sprint(g.r.IntN(1000))
	case 3:
		return "小" + given + fmt.Sprint(g.r.IntN(10000))
	default:
		return g.pick(demoNickA) + surname + g.pick(demoPinyin) + fmt.Sprint(g.r.IntN(100))
	}
}

// buyer picks a customer index with a skewed (power-law) chance, so that a few buyers
// come back many times and most order once. The multiplication spreads the regulars
// over the id range instead of bunching them at the start.
func (g *demoGen) buyer(n int) int {
	u := g.r.Float64()
	idx := int(float64(n) * math.Pow(u, 3))
	if idx >= n {
		idx = n - 1
	}
	return int((uint64(idx)*2654435761 + 7) % uint64(n))
}

// insertTrades writes o.Trades trades of the customers from firstID on, whose
// platforms are platforms.
func (g *demoGen) insertTrades(ctx context.Context, tx *sql.Tx, o data.DemoOptions, firstID int64, platforms []data.Platform) error {
	stmt, err := tx.PrepareContext(ctx, insertTradeSQL)
	if err != nil {
		return err
	}
	defer stmt.Close()
	orderBase := g.now.Unix()*100000 + int64(g.r.IntN(100000))
	created := formatTime(g.now)
	var vals []any
	for i := 0; i < o.Trades; i++ {
		if i%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if o.Progress != nil {
				o.Progress(o.Customers+i, o.Customers+o.Trades)
			}
		}
		buyer := g.buyer(o.Customers)
		goods := demoGoods[g.r.IntN(len(demoGoods))]
		qty := 1 + g.r.IntN(3)/2
		amount := int64(qty) * (goods.priceFen + int64(g.r.IntN(int(goods.priceFen/5)+1)))
		status, refund := data.StatusPaid, int64(0)
		switch n := g.r.IntN(100); {
		case n < 2:
			status = data.StatusUnpaid
		case n < 4:
			status = data.StatusClosed
		case n < 7:
			status = data.StatusRefunded
			refund = amount
		case n < 8:
			refund = amount / 3 // a partial refund still counts
		}
		at := g.now.Add(-time.Duration(g.r.Int64N(int64(730 * 24 * time.Hour))))
		t := &data.Trade{CustomerID: firstID + int64(buyer), Platform: platforms[buyer],
			OrderNo: fmt.Sprint(orderBase + int64(i)), TradedAt: at, Status: status,
			Goods: goods.name, Quantity: qty, AmountFen: amount, RefundFen: refund}
		vals = tradeRow(vals[:0], t, 0, created, created)
		if _, err := stmt.ExecContext(ctx, vals...); err != nil {
			return err
		}
	}
	return nil
}
