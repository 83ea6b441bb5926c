package folder

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// HandoffFileName is the file in the data folder where the running ShopCRM says how
// a later start reaches it: a loopback port and a secret, readable by the folder's
// owner only. A sheet opened while the window runs ("Open with", a double-click) is
// handed to that window, whose import wizard opens on it, instead of being dropped
// with "已经在运行". Loopback TCP works alike on Windows, macOS and Linux, in pure Go.
const HandoffFileName = "shopcrm.handoff"

// ErrNoHandoff means no running ShopCRM took the file (none listens, or it refused).
var ErrNoHandoff = errors.New("no running ShopCRM took the file")

// handoffWait bounds each step of a hand-off: a running window answers at once.
const handoffWait = 3 * time.Second

// Handoff is the running instance's hand-off point; Close stops it.
type Handoff struct {
	ln   net.Listener
	file string
}

// ListenHandoff opens the hand-off point of the data folder dir (held by the caller's
// lock) and calls take, on a goroutine of its own, with each file path a later start
// hands over.
func ListenHandoff(dir string, take func(path string)) (*Handoff, error) {
	secret := make([]byte, 16)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("hand-off: %w", err)
	}
	token := hex.EncodeToString(secret)
	file := filepath.Join(dir, HandoffFileName)
	if err := os.WriteFile(file, []byte(ln.Addr().String()+"\n"+token+"\n"), 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("hand-off: %w", err)
	}
	h := &Handoff{ln: ln, file: file}
	go h.serve(token, take)
	return h, nil
}

func (h *Handoff) serve(token string, take func(string)) {
	for {
		conn, err := h.ln.Accept()
		if err != nil {
			return // closed
		}
		go func() {
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(handoffWait))
			r := bufio.NewReader(conn)
			got, err1 := r.ReadString('\n')
			path, err2 := r.ReadString('\n')
			if err1 != nil || err2 != nil || strings.TrimSpace(got) != token {
				return // not a ShopCRM of this user: nothing is taken
			}
			take(strings.TrimRight(path, "\r\n"))
			conn.Write([]byte("ok\n"))
		}()
	}
}

// Close stops taking files and removes the hand-off file. Safe on nil.
func (h *Handoff) Close() error {
	if h == nil {
		return nil
	}
	os.Remove(h.file)
	return h.ln.Close()
}

// HandOff gives path (made absolute: the running instance has its own working
// folder) to the ShopCRM running on the data folder dir. ErrNoHandoff when none took it.
func HandOff(dir, path string) error {
	b, err := os.ReadFile(filepath.Join(dir, HandoffFileName))
	if err != nil {
		return ErrNoHandoff
	}
	lines := strings.Split(string(b), "\n")
	if len(lines) < 2 {
		return ErrNoHandoff
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	conn, err := net.DialTimeout("tcp", lines[0], handoffWait)
	if err != nil {
		return ErrNoHandoff
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(handoffWait))
	if _, err := fmt.Fprintf(conn, "%s\n%s\n", lines[1], path); err != nil {
		return ErrNoHandoff
	}
	if reply, err := bufio.NewReader(conn).ReadString('\n'); err != nil || reply != "ok\n" {
		return ErrNoHandoff
	}
	return nil
}
