package importer

import (
	"errors"
	"strings"
	"testing"

	"shopcrm/importer/sheet"
)

func TestAPanickingCleanerBecomesAnErrorWithoutTheCell(t *testing.T) {
	feed := make(chan readResult, 1)
	go func() {
		defer close(feed)
		defer recoverRead(feed)
		panic("index out of range on 13912345678")
	}()
	r := <-feed
	if !errors.Is(r.err, sheet.ErrUnreadable) || strings.Contains(r.err.Error(), "13912345678") {
		t.Fatalf("got %v, want ErrUnreadable without the cell", r.err)
	}
	if _, open := <-feed; open {
		t.Error("feed should be closed after the error")
	}
}
