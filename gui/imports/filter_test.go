package imports

import (
	"testing"

	"fyne.io/fyne/v2/storage"
)

func TestFilePickerOffersEveryReadableFormat(t *testing.T) {
	f := FileFilter()
	for _, name := range []string{"订单.xls", "订单.XLS", "京东.xlsx", "宏.xlsm", "wps.et", "淘宝.csv", "a.txt", "erp.html"} {
		if !f.Matches(storage.NewFileURI("/tmp/" + name)) {
			t.Errorf("%s is not offered", name)
		}
	}
	if f.Matches(storage.NewFileURI("/tmp/photo.png")) {
		t.Error("photo.png is offered")
	}
}
