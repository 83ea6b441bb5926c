package sqlite

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"shopcrm/data"
)

// secretPhone is the erased buyer's phone; after the erasure its bytes must be nowhere.
const secretPhone = "13912345678"

// buyerToErase imports a buyer twice (a create and an update snapshot), with trades,
// a contact, a reminder, a tag and another buyer's order shipped to their phone.
func buyerToErase(t *testing.T, s *Store) (erased, other *data.Customer) {
	t.Helper()
	ctx := context.Background()
	rows := func(note string) []data.ImportRow {
		return []data.ImportRow{
			{Row: 2, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "要删除的买家", Name: "王秘密", Phone: secretPhone,
				Address: "秘密路 88 号", Note: note},
				Trade: &data.Trade{TradedAt: at(1, 10), Goods: "龙井", AmountFen: 26800, ShipPhone: secretPhone, ShipAddress: "秘密路 88 号"}},
			{Row: 3, Customer: data.Customer{Platform: data.PlatformTaobao, Nick: "留下的买家", Phone: "13700000001"},
				Trade: &data.Trade{TradedAt: at(2, 10), Goods: "送礼", AmountFen: 100, ShipPhone: secretPhone}},
		}
	}
	for _, note := range []string{"第一次", "第二次"} {
		if _, err := s.Import(ctx, data.ImportOptions{FileName: "a.xlsx", Hash: note}, nil, rowsOf(rows(note)...)); err != nil {
			t.Fatal(err)
		}
	}
	erased, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "要删除的买家")
	if err != nil {
		t.Fatal(err)
	}
	erased.Tags = []string{"老客"}
	if err := s.UpdateCustomer(ctx, erased); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO contacts (customer_id, contacted_at, channel, summary, created_at) VALUES (?, '2026-05-01 00:00:00', 'phone', '打了 ` + secretPhone + `', '2026-05-01 00:00:00')`,
		`INSERT INTO follow_ups (customer_id, kind, event_date, due_date, note, created_at, updated_at) VALUES (?, 'custom', '2026-06-01', '2026-06-01', '回访 ` + secretPhone + `', '2026-05-01 00:00:00', '2026-05-01 00:00:00')`,
	} {
		if _, err := s.db.Exec(q, erased.ID); err != nil {
			t.Fatal(err)
		}
	}
	other, err = s.FindCustomerByNick(ctx, data.PlatformTaobao, "留下的买家")
	if err != nil {
		t.Fatal(err)
	}
	return erased, other
}

func TestEraseLeavesNoTraceOfThePhoneInTheFileOrItsJournal(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	erased, other := buyerToErase(t, s)
	s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	if !bytes.Contains(databaseBytes(t, s), []byte(secretPhone)) {
		t.Fatal("the phone should be in the file before erasing (test is broken)")
	}
	res, err := s.EraseCustomer(ctx, erased.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Trades != 1 || res.Contacts != 1 || res.FollowUps != 1 || res.Snapshots == 0 {
		t.Errorf("erase counts: got %+v", res)
	}
	if b := databaseBytes(t, s); bytes.Contains(b, []byte(secretPhone)) || bytes.Contains(b, []byte("秘密路")) {
		t.Errorf("the erased buyer's data is still in the database or WAL (before VACUUM)")
	}
	if _, err := s.db.Exec(`VACUUM`); err != nil {
		t.Fatal(err)
	}
	s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	if b := databaseBytes(t, s); bytes.Contains(b, []byte(secretPhone)) {
		t.Errorf("the phone's bytes are still in the database or WAL after VACUUM")
	}
	if _, err := s.FindCustomerByID(ctx, erased.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("erased customer: got %v, want ErrNotFound", err)
	}
	if _, err := s.FindCustomerByID(ctx, other.ID); err != nil {
		t.Errorf("the other buyer must stay: %v", err)
	}
	if hits, _, _ := s.FindCustomers(ctx, data.CustomerFilter{Query: "9123456"}); len(hits) != 0 {
		t.Errorf("search still finds the erased phone: %d hits", len(hits))
	}
	log, _ := s.FindAuditLog(ctx, 1)
	if len(log) != 1 || log[0].Action != "customer.erase" || strings.Contains(log[0].Detail, secretPhone) ||
		strings.Contains(log[0].Detail, "要删除") {
		t.Errorf("audit entry: got %+v, want an erase entry without personal data", log)
	}
	// Reverting the imports must not bring the buyer back.
	batches, _ := s.FindImportBatches(ctx)
	for _, b := range batches {
		if err := s.RevertImport(ctx, b.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.FindCustomerByNick(ctx, data.PlatformTaobao, "要删除的买家"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("after reverting the imports the erased buyer came back: %v", err)
	}
}

// databaseBytes is the database file and its WAL, as a disk image would hold them.
func databaseBytes(t *testing.T, s *Store) []byte {
	t.Helper()
	var all []byte
	for _, p := range []string{s.Path(), s.Path() + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

func TestExportCustomerDataHoldsEverythingAboutTheBuyer(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	erased, _ := buyerToErase(t, s)
	var buf bytes.Buffer
	if err := s.ExportCustomerData(ctx, erased.ID, &buf); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Customer  map[string]any   `json:"customer"`
		Tags      []map[string]any `json:"tags"`
		Trades    []map[string]any `json:"trades"`
		Contacts  []map[string]any `json:"contacts"`
		FollowUps []map[string]any `json:"follow_ups"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Customer["phone"] != secretPhone || len(got.Trades) != 1 || len(got.Contacts) != 1 ||
		len(got.FollowUps) != 1 || len(got.Tags) != 1 {
		t.Fatalf("export: got %s", buf.String())
	}
	if err := s.ExportCustomerData(ctx, 9999, &buf); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown id: got %v, want ErrNotFound", err)
	}
}

func TestLockPasswordRightWrongAndRemoved(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	if on, _ := s.HasLockPassword(ctx); on {
		t.Fatal("no lock by default")
	}
	if err := s.CheckLockPassword(ctx, "anything"); err != nil {
		t.Fatalf("without a lock every start opens: %v", err)
	}
	if err := s.SetLockPassword(ctx, "茶叶店2026"); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Setting(ctx, data.SettingLockPassword, "")
	if !strings.HasPrefix(stored, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Contains(stored, "茶叶店") {
		t.Fatalf("stored hash: got %q, want an argon2id PHC string", stored)
	}
	for _, tc := range []struct {
		password string
		want     error
	}{
		{"茶叶店2026", nil},
		{"茶叶店2025", data.ErrWrongPassword},
		{"", data.ErrWrongPassword},
		{"茶叶店2026 ", data.ErrWrongPassword},
	} {
		if err := s.CheckLockPassword(ctx, tc.password); !errors.Is(err, tc.want) && err != tc.want {
			t.Errorf("password %q: got %v, want %v", tc.password, err, tc.want)
		}
	}
	// The same password twice gets a different salt, hence a different hash.
	s.SetLockPassword(ctx, "茶叶店2026")
	if again, _ := s.Setting(ctx, data.SettingLockPassword, ""); again == stored {
		t.Error("a new hash must use a new random salt")
	}
	if err := s.SetLockPassword(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if on, _ := s.HasLockPassword(ctx); on {
		t.Error("lock should be removed")
	}
}
