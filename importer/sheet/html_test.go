package sheet

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// jdPage is an old JD / ERP order export: an HTML table saved with an .xls name, text
// ids kept as text by an mso-number-format style.
const jdPage = `<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<style>td{mso-number-format:"\@";}</style><script>var x = "<td>not a cell</td>";</script></head>
<body><table border="1">
  <tr><th>订单号</th><th>客户账号</th><th>订单金额</th><th>下单时间</th><th>备注</th></tr>
  <tr>
    <td style="mso-number-format:'\@'">226000000012345678</td>
    <td> jd_小王&amp;小李 </td>
    <td>1,280.50</td>
    <td>2019-05-01 10:00:00</td>
    <td>第一行<br>第二行</td>
  </tr>
  <tr><td>226000000012345679</td><td>jd_老张</td><td>-12.00</td><td>2019-05-02&nbsp;11:00:00</td></tr>
</table></body></html>`

func TestHTMLTableSavedAsXLS(t *testing.T) {
	for _, tt := range []struct {
		name string
		body []byte
	}{
		{"GBK with a meta charset", gbk(t, jdPage)},
		{"UTF-8 with a BOM", append([]byte("\xef\xbb\xbf"), strings.Replace(jdPage, "gb2312", "utf-8", 1)...)},
		{"GBK without a meta charset", gbk(t, strings.Replace(jdPage, `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "", 1))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w, err := openNamed(t, tt.body, "京东订单.xls")
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if w.Format() != FormatHTML || !reflect.DeepEqual(w.Sheets(), []string{"京东订单"}) {
				t.Fatalf("got %q %q, want html and one sheet named after the file", w.Format(), w.Sheets())
			}
			got, err := readAll(t, w, "京东订单")
			if err != nil {
				t.Fatal(err)
			}
			want := []row{
				{1, []string{"订单号", "客户账号", "订单金额", "下单时间", "备注"}},
				{2, []string{"226000000012345678", "jd_小王&小李", "1,280.50", "2019-05-01 10:00:00", "第一行\n第二行"}},
				{3, []string{"226000000012345679", "jd_老张", "-12.00", "2019-05-02 11:00:00"}},
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%v\nwant\n%v", got, want)
			}
		})
	}
}

func TestHTMLSpansAndSeveralTables(t *testing.T) {
	page := `<table>
<tr><td colspan="2">店铺</td><td rowspan="2">合计</td><td>x</td></tr>
<tr><td>a</td><td>b</td><td>y</td></tr>
<tr><td>c<table><tr><td>嵌套</td></tr></table></td><td colspan="999999">d</td></tr>
</table>
<p>between</p>
<table><tr><td>第二张</td></tr></table>`
	w, err := openNamed(t, []byte(page), "report.html")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if !reflect.DeepEqual(w.Sheets(), []string{"report", "report_2"}) {
		t.Fatalf("got sheets %q, want one per table", w.Sheets())
	}
	got, _ := readAll(t, w, "report")
	want := []row{
		{1, []string{"店铺", "", "合计", "x"}},
		{2, []string{"a", "b", "", "y"}},
		{3, []string{"c嵌套", "d"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%v\nwant\n%v", got, want)
	}
	if got, _ := readAll(t, w, "report_2"); !reflect.DeepEqual(got, []row{{1, []string{"第二张"}}}) {
		t.Errorf("second table: got %v", got)
	}
}

func TestHTMLWithoutATable(t *testing.T) {
	if _, err := openNamed(t, []byte("<html><body>请先登录</body></html>"), "orders.xls"); !errors.Is(err, ErrLegacyXLS) {
		t.Errorf("named .xls: got %v, want ErrLegacyXLS", err)
	}
	if _, err := openNamed(t, []byte("<!DOCTYPE html><html><body>请先登录</body></html>"), "orders.csv"); !errors.Is(err, ErrUnreadable) {
		t.Errorf("named .csv: got %v, want ErrUnreadable", err)
	}
}
