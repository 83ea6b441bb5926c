package sqlite

import (
	"strconv"
	"strings"
)

// bulkInsert builds one table's multi-row INSERTs. Binding is as costly as the insert
// itself: the driver copies every text argument into C memory, and SQLite takes its
// mutex for each bind and unbind. Most columns of an import hold the same value on
// every row (the batch, the import's time, the platform, the columns the sheet does
// not have), so a column whose value is the same in every row of a statement is
// bound once, as a numbered parameter each row refers to. A 100k-row order sheet then
// binds about half as many values.
type bulkInsert struct {
	head, tail string               // the statement before and after its VALUES
	width      int                  // values per row
	sql        map[bulkShape]string // the statements built so far
	args       []any                // reused by statement
}

// maxBulkShapes bounds the statements with shared columns one table prepares: a sheet
// whose columns are constant in some statements and not in others could otherwise
// prepare one for each mix. Past it, a new mix binds every value (one statement per
// row count, which chunks keeps to a handful).
const maxBulkShapes = 24

// bulkShape is what a statement's text depends on.
type bulkShape struct {
	rows   int
	shared uint64 // bit j: column j is bound once for all rows
}

func newBulkInsert(head, tail string, width int) *bulkInsert {
	if width > 64 {
		panic("bulkInsert: more columns than a shape can tell apart")
	}
	return &bulkInsert{head: head, tail: tail, width: width, sql: map[bulkShape]string{}}
}

// statement returns the INSERT of vals (width values per row, row after row; each
// value comparable with ==) and its arguments: the shared values in column order,
// then each row's others. The arguments are valid until the next call.
func (b *bulkInsert) statement(vals []any) (string, []any) {
	rows := len(vals) / b.width
	shape := bulkShape{rows: rows}
	for j := 0; j < b.width; j++ {
		same := true
		for i := 1; i < rows && same; i++ {
			same = vals[i*b.width+j] == vals[j]
		}
		if same {
			shape.shared |= 1 << j
		}
	}
	if _, ok := b.sql[shape]; !ok && b.sharingShapes() >= maxBulkShapes {
		shape.shared = 0
	}
	args := b.args[:0]
	for j := 0; j < b.width; j++ {
		if shape.shared&(1<<j) != 0 {
			args = append(args, vals[j])
		}
	}
	for i := 0; i < rows; i++ {
		for j := 0; j < b.width; j++ {
			if shape.shared&(1<<j) == 0 {
				args = append(args, vals[i*b.width+j])
			}
		}
	}
	b.args = args
	return b.text(shape), args
}

// sharingShapes counts the statements built so far that bind some column once.
func (b *bulkInsert) sharingShapes() int {
	n := 0
	for shape := range b.sql {
		if shape.shared != 0 {
			n++
		}
	}
	return n
}

// text builds the statement of a shape. The shared columns are parameters ?1 to ?k,
// the first row's others ?k+1 onwards; the later rows' others are plain "?", which
// SQLite numbers one above the largest number already used, so they follow on
// without the driver having to look up a name for each of them.
func (b *bulkInsert) text(shape bulkShape) string {
	if s, ok := b.sql[shape]; ok {
		return s
	}
	param := make([]int, b.width) // a shared column's parameter number, else 0
	next := 1
	for j := range param {
		if shape.shared&(1<<j) != 0 {
			param[j] = next
			next++
		}
	}
	var sb strings.Builder
	sb.WriteString(b.head)
	for i := 0; i < shape.rows; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteByte('(')
		for j := 0; j < b.width; j++ {
			if j > 0 {
				sb.WriteByte(',')
			}
			switch {
			case param[j] > 0:
				sb.WriteString("?" + strconv.Itoa(param[j]))
			case i == 0:
				sb.WriteString("?" + strconv.Itoa(next))
				next++
			default:
				sb.WriteByte('?')
			}
		}
		sb.WriteByte(')')
	}
	sb.WriteString(b.tail)
	s := sb.String()
	b.sql[shape] = s
	return s
}
