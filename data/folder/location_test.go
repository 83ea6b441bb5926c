package folder

import (
	"path/filepath"
	"testing"
)

func TestSyncedAndNetworkFoldersAreNamed(t *testing.T) {
	for _, tc := range []struct{ dir, want string }{
		{`/Users/li/Library/Mobile Documents/com~apple~CloudDocs/ShopCRM`, "iCloud Drive"},
		{`/Users/li/Dropbox/店铺/ShopCRM`, "Dropbox"},
		{`/home/li/OneDrive - 茶叶店/ShopCRM`, "OneDrive"},
		{`/home/li/我的坚果云/ShopCRM`, "坚果云"},
		{`/home/li/Nutstore Files/ShopCRM`, "坚果云"},
		{`/home/li/BaiduNetdisk/ShopCRM`, "百度网盘"},
		{`//nas/share/ShopCRM`, Network},
		{filepath.Join(t.TempDir(), "ShopCRM"), ""},
		{`/home/li/dropboxes-old/ShopCRM`, ""},
	} {
		if got := Synced(tc.dir); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.dir, got, tc.want)
		}
	}
}
