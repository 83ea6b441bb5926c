package i18n

import (
	"testing"

	"fyne.io/fyne/v2/lang"
)

func TestSwitchingBackAndForthKeepsFynesOwnWords(t *testing.T) {
	t.Cleanup(func() { Use(Chinese) })
	for _, step := range []struct {
		choice, yes, title string
	}{
		{English, "Yes", "ShopCRM"},
		{Chinese, "是", "网店客户管理"},
		{English, "Yes", "ShopCRM"},
		{Chinese, "是", "网店客户管理"},
	} {
		if err := Use(step.choice); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("Yes"); got != step.yes {
			t.Errorf("after choosing %q: Fyne's Yes is %q, want %q", step.choice, got, step.yes)
		}
		if got := lang.L("app.title"); got != step.title {
			t.Errorf("after choosing %q: app.title is %q, want %q", step.choice, got, step.title)
		}
	}
}
