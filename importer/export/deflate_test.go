package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestParallelEntryIsOneValidDeflateStream: a part compressed in parallel chunks reads
// back byte for byte, with a matching CRC (the zip reader checks it), whatever its size
// against the chunk size: empty, one byte, exactly one chunk, many chunks and a rest,
// written in odd pieces.
func TestParallelEntryIsOneValidDeflateStream(t *testing.T) {
	var big strings.Builder
	for i := 0; big.Len() < 5*deflateChunkSize+123; i++ {
		fmt.Fprintf(&big, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>买家%07d</t></is></c></row>`, i, i, i*7919%1000003)
	}
	for _, body := range []string{"", "x", strings.Repeat("a", deflateChunkSize), big.String()} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		e, err := createParallel(zw, "xl/worksheets/sheet1.xml")
		if err != nil {
			t.Fatal(err)
		}
		for rest := body; len(rest) > 0; {
			k := min(len(rest), 77777)
			if _, err := e.Write([]byte(rest[:k])); err != nil {
				t.Fatal(err)
			}
			rest = rest[k:]
		}
		if err := e.close(); err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create("after.txt") // a part after it still reads
		io.WriteString(w, "after")
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatalf("%d bytes: %v", len(body), err)
		}
		for i, want := range []string{body, "after"} {
			rc, err := zr.File[i].Open()
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(rc)
			rc.Close()
			if err != nil || string(got) != want {
				t.Errorf("%d bytes, part %d: read %d bytes, %v; want it back exactly", len(body), i, len(got), err)
			}
		}
	}
}
