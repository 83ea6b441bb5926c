package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shopcrm/data"
)

// auditCountless are the actions whose count says nothing (always 0 or 1), so their
// phrase may leave it out ("Undid an import"); every other phrase shows the count.
var auditCountless = map[data.AuditAction]bool{
	data.AuditImportRevert: true, data.AuditBackupRestore: true, data.AuditCustomerExport: true,
	data.AuditLockSet: true, data.AuditLockRemove: true, data.AuditCustomerMerge: true, data.AuditCustomerUnmerge: true,
}

// Every action the audit log can record reads as a phrase with its count, in both
// languages, never as its internal key (issue 16, item 5).
func TestEveryAuditActionReadsAsAPhrase(t *testing.T) {
	t.Cleanup(func() { _ = Use(Chinese) })
	for _, choice := range []string{Chinese, English} {
		if err := Use(choice); err != nil {
			t.Fatal(err)
		}
		for _, a := range append(data.AuditActions, "some.future_action") {
			t.Run(choice+"/"+string(a), func(t *testing.T) {
				got := AuditAction(a, 1234)
				if got == "" || strings.Contains(got, string(a)) || strings.Contains(got, "audit.action") ||
					strings.Contains(got, "{{") {
					t.Errorf("got %q, want a translated phrase", got)
				}
				if !auditCountless[a] && !strings.Contains(got, "1234") {
					t.Errorf("got %q, want it to show the count 1234", got)
				}
			})
		}
	}
	for _, locale := range []string{"zh_Hans", "en"} {
		b, err := Bundle(locale)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range data.AuditActions {
			if b["audit.action."+string(a)] == "" {
				t.Errorf("%s: no translation for audit action %q", locale, a)
			}
		}
	}
}

// Every write of the audit log (audit(ctx, tx, at, action, …) in data/sqlite and
// X.Audit(ctx, action, …) anywhere) names its action by a constant listed in
// data.AuditActions, so the test above covers every action the code can write.
func TestEveryAuditWriteUsesAListedAction(t *testing.T) {
	consts := auditConstants(t)
	listed := map[data.AuditAction]bool{}
	for _, a := range data.AuditActions {
		listed[a] = true
	}
	for name, v := range consts {
		if !listed[v] {
			t.Errorf("data.%s = %q is not in data.AuditActions", name, v)
		}
	}
	written := map[data.AuditAction]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var arg ast.Expr
			switch fn := call.Fun.(type) {
			case *ast.Ident: // audit(ctx, tx, at, action, count, detail)
				if fn.Name == "audit" && len(call.Args) == 6 {
					arg = call.Args[3]
				}
			case *ast.SelectorExpr: // store.Audit(ctx, action, count, detail)
				if fn.Sel.Name == "Audit" && len(call.Args) == 4 {
					arg = call.Args[1]
				}
			}
			if arg == nil {
				return true
			}
			name := ""
			if sel, ok := arg.(*ast.SelectorExpr); ok {
				if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "data" {
					name = sel.Sel.Name
				}
			}
			v, ok := consts[name]
			if !ok {
				t.Errorf("%s: audit action is not a data.Audit… constant", fset.Position(arg.Pos()))
				return true
			}
			written[v] = true
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range data.AuditActions {
		if !written[a] {
			t.Errorf("data.AuditActions lists %q, but no code writes it", a)
		}
	}
}

// auditConstants reads the AuditAction constants declared in data/audit.go.
func auditConstants(t *testing.T) map[string]data.AuditAction {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "data", "audit.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]data.AuditAction{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if typ, ok := vs.Type.(*ast.Ident); !ok || typ.Name != "AuditAction" {
				continue
			}
			for i, n := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok {
					t.Fatalf("data.%s is not a string literal", n.Name)
				}
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				out[n.Name] = data.AuditAction(v)
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no AuditAction constants in data/audit.go")
	}
	return out
}
