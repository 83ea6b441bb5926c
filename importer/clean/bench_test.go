package clean

import "testing"

// Benchmarks cover the shapes real exports are made of; run with
//
//	go test -run '^$' -bench . -benchmem ./importer/clean/

var sink struct {
	s  string
	ok bool
	n  int64
}

func benchStrings(b *testing.B, inputs []string, f func(string)) {
	for _, in := range inputs {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f(in)
			}
		})
	}
}

func BenchmarkDate(b *testing.B) {
	benchStrings(b, []string{
		"2020-02-21 00:00:02",       // tmall, UCI
		"2020/2/21 0:00",            // excel resaved
		"2012-5-23 23:34",           // taobao
		"43101.3923611111",          // xlsx raw serial
		"2019-11-04 19:29:29 -0500", // shopify
		"2018年10月14日 10:20",
		"12/1/2010 8:26",
		"garbage",
	}, func(s string) { _, sink.ok = Date(s, shanghai) })
}

func BenchmarkPhone(b *testing.B) {
	benchStrings(b, []string{
		"13800138000",
		"'15863836573",
		"+86 138 0013 8000",
		"138****1234",
		"(519) 803-0255",
		"010-12345678",
	}, func(s string) { sink.s, sink.ok = Phone(s) })
}

func BenchmarkAmount(b *testing.B) {
	benchStrings(b, []string{
		"178.8",
		"0.0",
		"¥1,280.00",
		"(12.50)",
		"１２８",
	}, func(s string) { sink.n, sink.ok = Amount(s) })
}

func BenchmarkText(b *testing.B) {
	benchStrings(b, []string{
		"广东省 东莞市 友谊路122号23栋(523920)",
		"WHITE HANGING HEART T-LIGHT HOLDER",
		"收货地址 ",
		"'null",
		"ＡＢＣ１２３\u3000张三",
	}, func(s string) { sink.s = Text(s) })
}

func BenchmarkStatus(b *testing.B) {
	benchStrings(b, []string{"交易成功", "买家已付款，等待卖家发货", "Paid"},
		func(s string) { _, sink.ok = Status(s) })
}
