package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash"
	"hash/crc32"
	"io"
	"runtime"
	"sync"
)

// A sheet's XML (hundreds of MB for a big archive) is compressed in chunks on every
// core instead of in one stream on one: each chunk is deflated on its own, ended with
// a sync flush (which leaves it on a byte boundary), and the chunks follow each other
// in order, closed by an empty final block: one valid deflate stream. A chunk starts
// without the previous one's 32 KB window, which costs well under 1% of the size.
const deflateChunkSize = 512 << 10

// deflateLevel is archive/zip's own level, so the file is what excelize would write.
const deflateLevel = 5

// finalBlock is an empty final deflate block (fixed Huffman codes, end of block).
var finalBlock = []byte{0x03, 0x00}

var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, deflateLevel)
	return w
}}

// deflated is one compressed chunk, or why it could not be.
type deflated struct {
	b   []byte
	err error
}

// parallelEntry is one zip part written through CreateRaw, compressed in parallel.
type parallelEntry struct {
	fh     *zip.FileHeader
	w      io.Writer
	crc    hash.Hash32
	chunk  []byte
	queue  []chan deflated // chunks being compressed, in file order
	ahead  int             // how many may be in flight
	failed error
}

// createParallel starts part name in zw; its data must be finished with close before
// the next part is created.
func createParallel(zw *zip.Writer, name string) (*parallelEntry, error) {
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate, Flags: 0x8, // sizes and CRC after the data
		CreatorVersion: 20, ReaderVersion: 20}
	w, err := zw.CreateRaw(fh)
	if err != nil {
		return nil, err
	}
	return &parallelEntry{fh: fh, w: w, crc: crc32.NewIEEE(), ahead: runtime.GOMAXPROCS(0) + 1}, nil
}

func (e *parallelEntry) Write(p []byte) (int, error) {
	if e.failed != nil {
		return 0, e.failed
	}
	n := len(p)
	e.crc.Write(p)
	e.fh.UncompressedSize64 += uint64(n)
	for len(p) > 0 {
		if e.chunk == nil {
			e.chunk = make([]byte, 0, deflateChunkSize)
		}
		k := min(len(p), deflateChunkSize-len(e.chunk))
		e.chunk, p = append(e.chunk, p[:k]...), p[k:]
		if len(e.chunk) == deflateChunkSize {
			if err := e.submit(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

// submit hands the current chunk to a goroutine, writing out finished chunks in order
// while too many are in flight.
func (e *parallelEntry) submit() error {
	chunk := e.chunk
	e.chunk = nil
	done := make(chan deflated, 1)
	e.queue = append(e.queue, done)
	go func() { done <- deflateChunk(chunk) }()
	for len(e.queue) > e.ahead {
		if err := e.emit(); err != nil {
			return err
		}
	}
	return nil
}

// emit writes the oldest chunk once it is compressed.
func (e *parallelEntry) emit() error {
	r := <-e.queue[0]
	e.queue = e.queue[1:]
	if e.failed != nil {
		return e.failed // drained, not written
	}
	if r.err == nil {
		_, r.err = e.w.Write(r.b)
	}
	if r.err != nil {
		e.failed = r.err
		return r.err
	}
	e.fh.CompressedSize64 += uint64(len(r.b))
	return nil
}

// close writes the rest and the final block, and fills in the part's CRC and sizes,
// which the zip writer puts after the data and in its directory.
func (e *parallelEntry) close() error {
	if e.failed == nil && len(e.chunk) > 0 {
		e.submit()
	}
	for len(e.queue) > 0 {
		e.emit()
	}
	if e.failed != nil {
		return e.failed
	}
	if _, err := e.w.Write(finalBlock); err != nil {
		return err
	}
	e.fh.CompressedSize64 += uint64(len(finalBlock))
	e.fh.CRC32 = e.crc.Sum32()
	e.fh.CompressedSize = uint32(min(e.fh.CompressedSize64, 1<<32-1))
	e.fh.UncompressedSize = uint32(min(e.fh.UncompressedSize64, 1<<32-1))
	return nil
}

// deflateChunk compresses b on its own, ending on a byte boundary (sync flush).
func deflateChunk(b []byte) deflated {
	var out bytes.Buffer
	out.Grow(len(b) / 4)
	fw := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(fw)
	fw.Reset(&out)
	if _, err := fw.Write(b); err != nil {
		return deflated{err: err}
	}
	if err := fw.Flush(); err != nil {
		return deflated{err: err}
	}
	return deflated{b: out.Bytes()}
}
