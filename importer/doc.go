// Package importer reads the spreadsheets sellers already keep (xlsx, csv) into data
// values plus a list of row problems, and writes the archive back out as xlsx.
// It never imports Fyne. The readers arrive with the import issue.
package importer
