// Command pecheck verifies a Windows package: the exe inside the zip is a 64-bit PE
// for the GUI subsystem (no console window) and carries an icon, a version resource
// and a manifest. `make dist-windows` runs it on the zip it built.
package main

import (
	"archive/zip"
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strings"
)

// Resource type ids (winuser.h).
const (
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: pecheck PACKAGE.zip")
		os.Exit(2)
	}
	if err := check(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "pecheck:", err)
		os.Exit(1)
	}
}

func check(zipPath string) error {
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !strings.HasSuffix(strings.ToLower(f.Name), ".exe") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if err := checkExe(body); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		fmt.Printf("%s: PE32+ x86-64, GUI subsystem, icon, version and manifest resources present\n", f.Name)
		return nil
	}
	return fmt.Errorf("%s holds no .exe", zipPath)
}

func checkExe(body []byte) error {
	f, err := pe.NewFile(bytes.NewReader(body))
	if err != nil {
		return err
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok || f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("not a 64-bit x86-64 PE")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("subsystem %d, want the GUI subsystem (built without -H windowsgui?)", oh.Subsystem)
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return fmt.Errorf("no resource section")
	}
	sec, err := rsrc.Data()
	if err != nil {
		return err
	}
	types, err := resourceTypes(sec)
	if err != nil {
		return err
	}
	for id, name := range map[uint32]string{rtGroupIcon: "icon", rtVersion: "version", rtManifest: "manifest"} {
		if !types[id] {
			return fmt.Errorf("no %s resource", name)
		}
	}
	return nil
}

// resourceTypes lists the type ids in the root directory of a resource section.
func resourceTypes(sec []byte) (map[uint32]bool, error) {
	if len(sec) < 16 {
		return nil, fmt.Errorf("resource section too short")
	}
	named := int(binary.LittleEndian.Uint16(sec[12:]))
	ids := int(binary.LittleEndian.Uint16(sec[14:]))
	out := map[uint32]bool{}
	for i := 0; i < named+ids; i++ {
		off := 16 + 8*i
		if off+8 > len(sec) {
			return nil, fmt.Errorf("resource directory truncated")
		}
		id := binary.LittleEndian.Uint32(sec[off:])
		if id&0x80000000 == 0 {
			out[id] = true
		}
	}
	return out, nil
}
