package sqlite

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"shopcrm/data"
)

// A queue holds the group's buyers, most valuable first, less the blacklisted, the
// opted out and the capped (counted as a plain walk counts them); each 已发送 logs
// exactly one care contact with the message, each 跳过 none, and a buyer handled
// once cannot be sent again.
func TestOutreachQueueLogsOneContactPerSentBuyer(t *testing.T) {
	s := outreachShop(t)
	ctx := context.Background()
	group := data.CustomerFilter{Trades: data.Range{}.AtLeast(2)}
	want := plainQueue(plainBuyers(t, s, windowStart(s)), func(b *plainBuyerRow) bool { return b.trades >= 2 }, false)
	if want.left.Blacklisted == 0 || want.left.OptedOut == 0 || want.left.Capped == 0 || len(want.order) < 100 {
		t.Fatalf("the shop does not try every reason: %+v, %d kept", want.left, len(want.order))
	}
	run, err := s.StartOutreach(ctx, data.OutreachSpec{Label: "回头客", Filter: group, Kind: data.KindRevisit,
		Body: "{姓名}您好，您上次买的{商品}还满意吗？", GoodsFallback: "宝贝"})
	if err != nil {
		t.Fatal(err)
	}
	if run.LeftOut != want.left || run.Pending != len(want.order) {
		t.Fatalf("started: left out %+v, %d pending; want %+v, %d", run.LeftOut, run.Pending, want.left, len(want.order))
	}
	before := careContacts(t, s, data.CareGroup)
	sent := map[int64]bool{}
	var order []int64
	for i := 0; ; i++ {
		it, err := s.NextOutreach(ctx, run.ID)
		if err != nil {
			t.Fatal(err)
		}
		if it == nil {
			break
		}
		order = append(order, it.CustomerID)
		if i%3 == 2 {
			if err := s.SkipOutreach(ctx, it); err != nil {
				t.Fatal(err)
			}
			continue
		}
		msg, err := s.OutreachMessage(ctx, run, it, nil)
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.SendOutreach(ctx, run, it, msg)
		if err != nil {
			t.Fatal(err)
		}
		if _, wantCh := it.Reach(); c.Channel != wantCh || c.Summary != msg || c.Care != data.CareGroup {
			t.Fatalf("contact %+v, want channel %s, the message and care %q", c, wantCh, data.CareGroup)
		}
		sent[it.CustomerID] = true
		if _, err := s.SendOutreach(ctx, run, it, msg); !errors.Is(err, data.ErrConflict) {
			t.Fatalf("second send of one buyer: %v, want ErrConflict", err)
		}
	}
	if len(order) != len(want.order) {
		t.Fatalf("walked %d buyers, want %d", len(order), len(want.order))
	}
	for i := range order {
		if order[i] != want.order[i] {
			t.Fatalf("buyer %d is %d, want %d (most valuable first)", i+1, order[i], want.order[i])
		}
	}
	after := careContacts(t, s, data.CareGroup)
	for _, id := range want.order {
		if got, wantN := after[id]-before[id], map[bool]int{true: 1, false: 0}[sent[id]]; got != wantN {
			t.Errorf("buyer %d (sent %v): %d new contacts, want %d", id, sent[id], got, wantN)
		}
	}
	done, err := s.OutreachRun(ctx, run.ID)
	if err != nil {
		t.Fatal(err)
	}
	if done.FinishedAt.IsZero() || done.Sent != len(sent) || done.Skipped != len(order)-len(sent) || done.Pending != 0 {
		t.Errorf("finished run: %+v, want %d sent, %d skipped, finished", done, len(sent), len(order)-len(sent))
	}
	if open, err := s.OpenOutreachRuns(ctx); err != nil || len(open) != 0 {
		t.Errorf("open runs after the end: %d, %v", len(open), err)
	}
}

// A queue stopped part-way is there after the archive is opened again, and goes on at
// its next pending buyer; a buyer blacklisted or held back by the cap in the
// meantime is skipped with the reason, never sent.
func TestOutreachQueueResumesAfterReopen(t *testing.T) {
	s := outreachShop(t)
	ctx := context.Background()
	dir := s.Dir()
	run, err := s.StartOutreach(ctx, data.OutreachSpec{Label: "VIP", Filter: data.CustomerFilter{Trades: data.Range{}.AtLeast(3)},
		Body: "{网名}，店里上新了"})
	if err != nil {
		t.Fatal(err)
	}
	var walked []int64
	for range 3 {
		it, err := s.NextOutreach(ctx, run.ID)
		if err != nil || it == nil {
			t.Fatal(it, err)
		}
		walked = append(walked, it.CustomerID)
		if _, err := s.SendOutreach(ctx, run, it, "店里上新了"); err != nil {
			t.Fatal(err)
		}
	}
	var rest []int64
	rows, err := s.db.Query(`SELECT customer_id FROM outreach_items WHERE run_id = ? AND state = 'pending' ORDER BY position`, run.ID)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		rest = append(rest, id)
	}
	rows.Close()
	// Meanwhile the next buyer is blacklisted and the one after gets a birthday message.
	if err := s.Blacklist(ctx, rest[0], "恶意差评"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddContact(ctx, &data.Contact{CustomerID: rest[1], Channel: data.ChannelWeChat, Care: string(data.KindBirthday)}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	s2.Now = s.Now
	open, err := s2.OpenOutreachRuns(ctx)
	if err != nil || len(open) != 1 {
		t.Fatalf("open runs after reopening: %d, %v", len(open), err)
	}
	if r := open[0]; r.ID != run.ID || r.Sent != 3 || r.Pending != len(rest) || r.Label != "VIP" || r.Body != "{网名}，店里上新了" {
		t.Fatalf("resumed run: %+v, want 3 sent, %d pending", r, len(rest))
	}
	it, err := s2.NextOutreach(ctx, run.ID)
	if err != nil {
		t.Fatal(err)
	}
	if it == nil || it.CustomerID != rest[2] {
		t.Fatalf("resumed at %v, want buyer %d (the two before it held back)", it, rest[2])
	}
	r, err := s2.OutreachRun(ctx, run.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.LeftOut.Blacklisted != run.LeftOut.Blacklisted+1 || r.LeftOut.Capped != run.LeftOut.Capped+1 || r.Skipped != 0 {
		t.Errorf("held back on resuming: %+v (skipped %d), want one more blacklisted and capped than %+v", r.LeftOut, r.Skipped, run.LeftOut)
	}
	if n := careContacts(t, s2, data.CareGroup)[rest[0]]; n != 0 {
		t.Errorf("the blacklisted buyer got %d messages", n)
	}
	// Closing the run takes it off the resume list, its pending buyers unsent.
	if err := s2.FinishOutreach(ctx, run.ID); err != nil {
		t.Fatal(err)
	}
	if open, _ := s2.OpenOutreachRuns(ctx); len(open) != 0 {
		t.Errorf("a closed run is still offered: %d", len(open))
	}
}

// A holiday greeting's queue holds the holiday rule's targets (its tiers), less the
// opted out, blacklisted and capped, and logs its messages as holiday care messages.
func TestOutreachHolidayGreetingFollowsTheRuleTargets(t *testing.T) {
	s := outreachShop(t)
	ctx := context.Background()
	rules, err := s.ReminderRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rule := rules[data.KindHoliday]
	rule.TargetTiers = []string{"tier.vip", "tier.supreme"}
	if err := s.SaveReminderRule(ctx, rule); err != nil {
		t.Fatal(err)
	}
	tiers, err := s.Tiers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inTargets := func(b *plainBuyerRow) bool {
		name := ""
		for _, tr := range tiers { // lowest first: the last whose rule holds
			if (tr.MinTrades != nil && b.trades >= *tr.MinTrades) || (tr.MinTotalFen != nil && b.total >= *tr.MinTotalFen) ||
				(tr.MinTrades == nil && tr.MinTotalFen == nil) {
				name = tr.Name
			}
		}
		return name == "tier.vip" || name == "tier.supreme"
	}
	want := plainQueue(plainBuyers(t, s, windowStart(s)), inTargets, false)
	run, err := s.StartOutreach(ctx, data.OutreachSpec{Label: "春节问候", Holiday: "spring_festival",
		Body: "{姓名}，{节日}快乐！{升级差额}", HolidayName: "春节"})
	if err != nil {
		t.Fatal(err)
	}
	if run.LeftOut != want.left || run.Pending != len(want.order) || len(want.order) == 0 {
		t.Fatalf("greeting: left out %+v, %d pending; want %+v, %d", run.LeftOut, run.Pending, want.left, len(want.order))
	}
	it, err := s.NextOutreach(ctx, run.ID)
	if err != nil || it == nil || it.CustomerID != want.order[0] {
		t.Fatalf("first buyer %v, %v; want %d", it, err, want.order[0])
	}
	// {升级差额} is the buyer's gap to the next tier, worded by the caller's words.
	words := func(g data.UpgradeGap) string {
		if g.Top() {
			return ""
		}
		return fmt.Sprintf("再买%d分或%d笔升到%s", g.Fen, g.Trades, g.Next)
	}
	msg, err := s.OutreachMessage(ctx, run, it, words)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.FindCustomerByID(ctx, it.CustomerID)
	if err != nil {
		t.Fatal(err)
	}
	tierList, err := s.Tiers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	gap := words(data.TierGap(tierList, c.Stats.TradeCount, c.Stats.TotalFen))
	if want := data.FillTemplate("{姓名}，春节快乐！", data.MessageFields{Nick: it.Nick, Name: it.Name}) + gap; msg != want || gap == "" && c.Tier != "tier.supreme" {
		t.Errorf("message %q, want %q", msg, want)
	}
	if c, err := s.SendOutreach(ctx, run, it, msg); err != nil || c.Care != string(data.KindHoliday) {
		t.Fatalf("sent: %+v, %v; want a holiday care message", c, err)
	}
}

// A message sheet holds one row per buyer with a full phone, most valuable first,
// with their filled message; the blacklisted, opted out, capped and phone-less are
// left out and counted, as a plain walk counts them; nothing is logged.
func TestMessageRowsLeaveOutAndFill(t *testing.T) {
	s := outreachShop(t)
	ctx := context.Background()
	for _, q := range []string{
		`UPDATE customers SET phone = '138****' || substr('0000' || id, -4) WHERE id % 29 = 0 AND phone <> ''`,
		`UPDATE customers SET phone = '13900001111' WHERE id % 31 = 0`,                           // one family's phone
		`UPDATE customers SET phone = '0571-8888' || substr('0000' || id, -4) WHERE id % 37 = 0`, // a landline
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	buyers := plainBuyers(t, s, windowStart(s))
	want := plainQueue(buyers, func(b *plainBuyerRow) bool { return b.trades >= 1 }, true)
	if want.left.NoPhone == 0 || want.left.Capped == 0 || want.left.SamePhone == 0 {
		t.Fatalf("the shop does not try every reason: %+v", want.left)
	}
	contactsBefore := countRows(t, s, "contacts")
	var got []data.MessageRow
	var walkedLeft data.LeftOut
	left, err := s.MessageRows(ctx, data.OutreachSpec{Label: "x", Filter: data.CustomerFilter{Trades: data.Range{}.AtLeast(1)},
		Kind: data.KindRevisit, Body: "{姓名}您好，{商品}到新货了", GoodsFallback: "宝贝"}, nil, func(r data.MessageRow) error {
		if r.Left != "" {
			if r.Phone != "" || r.Name != "" || r.Text != "" {
				t.Errorf("a left-out buyer's row carries %+v", r)
			}
			walkedLeft.Add(r.Left, 1)
			return nil
		}
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if left != want.left || walkedLeft != want.left || len(got) != len(want.order) {
		t.Fatalf("sheet: %d rows, left out %+v; want %d, %+v", len(got), left, len(want.order), want.left)
	}
	for i, id := range want.order {
		b := buyers[id]
		var goods string
		err := s.db.QueryRow(`SELECT goods FROM trades WHERE customer_id = ? AND status = 'paid' AND amount_fen - refund_fen > 0
			ORDER BY traded_at DESC LIMIT 1`, id).Scan(&goods)
		if err != nil {
			t.Fatal(err)
		}
		name := b.name
		if name == "" {
			name = b.nickname
		}
		wantText := data.FillTemplate("{姓名}您好，"+goods+"到新货了", data.MessageFields{Nick: b.nickname, Name: b.name})
		if r := got[i]; r.Phone != b.phone || r.Name != name || r.Text != wantText {
			t.Fatalf("row %d: %+v, want %s %s %q", i+1, r, b.phone, name, wantText)
		}
	}
	if n := countRows(t, s, "contacts"); n != contactsBefore {
		t.Errorf("a sheet logged %d contacts", n-contactsBefore)
	}
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// With the cap off, nobody is held back by it: the buyers it held are in the queue.
func TestOutreachWithTheCapOff(t *testing.T) {
	s := outreachShop(t)
	ctx := context.Background()
	group := data.CustomerFilter{Trades: data.Range{}.AtLeast(2)}
	on, err := s.StartOutreach(ctx, data.OutreachSpec{Label: "a", Filter: group, Body: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetCareCap(ctx, data.CareCap{Messages: 0, Days: 7}); err != nil {
		t.Fatal(err)
	}
	off, err := s.StartOutreach(ctx, data.OutreachSpec{Label: "b", Filter: group, Body: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if on.LeftOut.Capped == 0 || off.LeftOut.Capped != 0 || off.Pending != on.Pending+on.LeftOut.Capped {
		t.Errorf("cap on: %d pending, %d capped; off: %d pending, %d capped", on.Pending, on.LeftOut.Capped, off.Pending, off.LeftOut.Capped)
	}
}

// A run's counts stay those of its rows whatever changes them: two of its buyers
// merged into one (who stays in it once), the merge undone, a buyer erased.
func TestOutreachCountsFollowMergeAndErase(t *testing.T) {
	s := reminderStore(t)
	ctx := context.Background()
	var cs []*data.Customer
	for _, nick := range []string{"甲", "乙", "丙", "丁"} {
		c := addCustomer(t, s, &data.Customer{Nick: nick, Phone: "1380000000" + string(rune('0'+len(cs)))})
		addTrade(t, s, c, localAt("2026-10-01", 10), "红茶", data.StatusPaid)
		cs = append(cs, c)
	}
	run, err := s.StartOutreach(ctx, data.OutreachSpec{Label: "x", Filter: data.CustomerFilter{}, Body: "x"})
	if err != nil || run.Pending != 4 {
		t.Fatalf("start: %+v, %v", run, err)
	}
	check := func(step string) *data.OutreachRun {
		t.Helper()
		r, err := s.OutreachRun(ctx, run.ID)
		if err != nil {
			t.Fatal(err)
		}
		var pending, sent, skipped int
		if err := s.db.QueryRow(`SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'sent'),
			count(*) FILTER (WHERE state = 'skipped') FROM outreach_items WHERE run_id = ?`, run.ID).Scan(&pending, &sent, &skipped); err != nil {
			t.Fatal(err)
		}
		if r.Pending != pending || r.Sent != sent || r.Skipped != skipped {
			t.Errorf("%s: counts %d/%d/%d, rows %d/%d/%d", step, r.Pending, r.Sent, r.Skipped, pending, sent, skipped)
		}
		return r
	}
	it, err := s.NextOutreach(ctx, run.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SendOutreach(ctx, run, it, "x"); err != nil {
		t.Fatal(err)
	}
	check("sent one")
	m, err := s.MergeCustomers(ctx, cs[0].ID, cs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if r := check("merged"); r.Total() != 3 {
		t.Errorf("after the merge the run holds %d buyers, want 3", r.Total())
	}
	if err := s.UndoMerge(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if r := check("merge undone"); r.Total() != 4 {
		t.Errorf("after undoing the merge the run holds %d buyers, want 4", r.Total())
	}
	if _, err := s.EraseCustomer(ctx, cs[3].ID); err != nil {
		t.Fatal(err)
	}
	if r := check("erased"); r.Total() != 3 {
		t.Errorf("after erasing a buyer the run holds %d, want 3", r.Total())
	}
}

// 撤销上一位: reopening a sent buyer removes the contact the send wrote (it no longer
// counts against the cap) and makes them the next buyer again; reopening a skipped
// one brings them back too; reopening the last buyer of a finished run opens the run
// again. A pending buyer, or one the queue itself skipped, cannot be reopened.
func TestReopenOutreachTakesBackTheLastBuyer(t *testing.T) {
	s := outreachShop(t)
	ctx := context.Background()
	run, err := s.StartOutreach(ctx, data.OutreachSpec{Label: "两位", Filter: data.CustomerFilter{Trades: data.Range{}.AtLeast(2)},
		Kind: data.KindCustom, Body: "{姓名}您好"})
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.NextOutreach(ctx, run.ID)
	if err != nil || first == nil {
		t.Fatalf("first buyer: %v, %v", first, err)
	}
	if err := s.ReopenOutreach(ctx, first); !errors.Is(err, data.ErrConflict) {
		t.Errorf("reopening a pending buyer: %v, want ErrConflict", err)
	}
	groupBefore := careContacts(t, s, data.CareGroup)
	if _, err := s.SendOutreach(ctx, run, first, "您好"); err != nil {
		t.Fatal(err)
	}
	if err := s.ReopenOutreach(ctx, first); err != nil {
		t.Fatal(err)
	}
	if got := careContacts(t, s, data.CareGroup); got[first.CustomerID] != groupBefore[first.CustomerID] {
		t.Errorf("the contact of the reopened send is still there: %d care contacts, were %d",
			got[first.CustomerID], groupBefore[first.CustomerID])
	}
	again, err := s.NextOutreach(ctx, run.ID)
	if err != nil || again == nil || again.ID != first.ID {
		t.Fatalf("after reopening the next buyer is %v (%v), want the reopened one", again, err)
	}
	back, err := s.OutreachRun(ctx, run.ID)
	if err != nil || back.Sent != 0 || back.Pending != run.Pending {
		t.Fatalf("run after reopening: %+v (%v), want nothing sent and %d pending", back, err, run.Pending)
	}
	// Walk to the end, then take the last one back: the run is open again.
	var last *data.OutreachItem
	for it := again; it != nil; it, err = s.NextOutreach(ctx, run.ID) {
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SkipOutreach(ctx, it); err != nil {
			t.Fatal(err)
		}
		last = it
	}
	if open, _ := s.OpenOutreachRuns(ctx); len(open) != 0 {
		t.Fatalf("a run with every buyer handled is still open: %d", len(open))
	}
	if err := s.ReopenOutreach(ctx, last); err != nil {
		t.Fatal(err)
	}
	if open, _ := s.OpenOutreachRuns(ctx); len(open) != 1 || open[0].Pending != 1 {
		t.Fatalf("after reopening the last buyer: open runs %+v", open)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE outreach_items SET state = 'skipped', reason = 'capped' WHERE id = ?`, last.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.ReopenOutreach(ctx, last); !errors.Is(err, data.ErrConflict) {
		t.Errorf("reopening a buyer the queue held back: %v, want ErrConflict", err)
	}
}
