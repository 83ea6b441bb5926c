// Package imports is getting sheets in: the import wizard (preview with a field over
// each column, a dry-run check, the import with progress and cancel, the row problems,
// savable as xlsx) and the 导入记录 screen with 撤销 for the newest import.
package imports
