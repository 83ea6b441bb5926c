package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// Package part names, as excelize knows them.
const (
	partRootRels     = "_rels/.rels"
	partSharedString = "xl/sharedStrings.xml"
	relOfficeDoc     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relationshipsNS  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	strictRelsNS     = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

// xlsxPackage is the opened zip of a workbook: its parts by name and, for each sheet name,
// the worksheet part, found the way excelize finds them.
type xlsxPackage struct {
	parts  map[string]*zip.File
	sheets []string          // names in workbook order
	paths  map[string]string // sheet name → worksheet part, for parts that exist
}

type relsXML struct {
	XMLName xml.Name `xml:"http://schemas.openxmlformats.org/package/2006/relationships Relationships"`
	Rels    []struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:",attr"`
		Type   string `xml:",attr"`
	} `xml:"Relationship"`
}

type workbookXML struct {
	XMLName xml.Name `xml:"http://schemas.openxmlformats.org/spreadsheetml/2006/main workbook"`
	Sheets  struct {
		Sheet []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheet"`
	} `xml:"sheets"`
}

// openPackage indexes the zip's parts as excelize's ReadZipReader does (backslashes become
// slashes; [Content_Types].xml and xl/sharedStrings.xml match in any case) and reads the
// sheet list from the workbook part and its relationships.
func openPackage(zr *zip.Reader) (*xlsxPackage, error) {
	p := &xlsxPackage{parts: make(map[string]*zip.File, len(zr.File)), paths: map[string]string{}}
	for _, f := range zr.File {
		name := strings.ReplaceAll(f.Name, `\`, "/")
		switch strings.ToLower(name) {
		case "[content_types].xml":
			name = "[Content_Types].xml"
		case "xl/sharedstrings.xml":
			name = partSharedString
		}
		p.parts[name] = f
	}
	var root relsXML
	if err := p.decode(partRootRels, &root); err != nil {
		root = relsXML{} // excelize ignores a broken root relationships part
	}
	wbPath := ""
	for _, rel := range root.Rels {
		if rel.Type == relOfficeDoc {
			wbPath = strings.TrimPrefix(rel.Target, "/")
			break
		}
	}
	var wb workbookXML
	if err := p.decode(wbPath, &wb); err != nil {
		return nil, err
	}
	var rels relsXML
	if err := p.decode(path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels"), &rels); err != nil {
		return nil, err
	}
	for _, s := range wb.Sheets.Sheet {
		p.sheets = append(p.sheets, s.Name)
		for _, rel := range rels.Rels {
			if rel.ID != s.ID {
				continue
			}
			if part := partPath(wbPath, rel.Target); p.parts[part] != nil {
				p.paths[s.Name] = part
			}
		}
	}
	return p, nil
}

// partPath resolves a relationship target: relative to the workbook's folder, or absolute
// from the package root with a leading '/'.
func partPath(wbPath, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Dir(wbPath)+"/"+target), "/")
}

// decode reads a small XML part into v with encoding/xml, Strict OOXML namespaces mapped
// to Transitional ones as excelize does. A missing or empty part decodes to nothing.
func (p *xlsxPackage) decode(name string, v any) error {
	f := p.parts[name]
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return err
	}
	if bytes.Contains(b, []byte("purl.oclc.org")) {
		for _, r := range [][2]string{
			{strictSpreadsheetNS, spreadsheetNS},
			{strictRelsNS + "/officeDocument", relOfficeDoc},
			{strictRelsNS, relationshipsNS},
		} {
			b = bytes.ReplaceAll(b, []byte(r[0]), []byte(r[1]))
		}
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.CharsetReader = charsetReader
	if err := d.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

// charsetReader decodes parts that declare a non-UTF-8 encoding, like excelize's default.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unsupported encoding: %w", err)
	}
	return e.NewDecoder().Reader(r), nil
}

// sheetPart returns the worksheet part of a sheet; like excelize, a name that differs only
// in case finds it too.
func (p *xlsxPackage) sheetPart(sheet string) *zip.File {
	if name, ok := p.paths[sheet]; ok {
		return p.parts[name]
	}
	for s, name := range p.paths {
		if strings.EqualFold(s, sheet) {
			return p.parts[name]
		}
	}
	return nil
}
