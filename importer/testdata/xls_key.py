# Independent answer key for the real legacy .xls exports in ../shared/data: a plain
# BIFF8 reader written from the [MS-CFB] and [MS-XLS] specifications with the Python
# standard library only (not a port of the Go reader), then PRODUCT.md's counting rule.
#
#   python3 importer/testdata/xls_key.py ../shared/data | gzip -n -9 > importer/testdata/xls_key.tsv.gz
#   python3 importer/testdata/xls_key.py --dump FILE.xls     # every cell, for checking by hand
#
# Key lines: file, buyer nick, counting trades, total in fen. Per buyer (买家会员名, or
# Customer ID for Superstore): rows are one trade per distinct (time, goods, amount) or
# per order id; a trade counts when it has a pay time, is not 交易关闭, and its amount is
# above zero; the total adds counting amounts and negative (refund-only) amounts.
import struct, sys, os, math, datetime
from decimal import Decimal, ROUND_HALF_UP
from collections import defaultdict

FREE, END = 0xFFFFFFFF, 0xFFFFFFFE

def ole_stream(raw, want):
    ss = 1 << struct.unpack_from('<H', raw, 30)[0]
    mss = 1 << struct.unpack_from('<H', raw, 32)[0]
    nfat, dir0 = struct.unpack_from('<I', raw, 44)[0], struct.unpack_from('<I', raw, 48)[0]
    cutoff, mini0 = struct.unpack_from('<II', raw, 56)
    difat0, ndifat = struct.unpack_from('<II', raw, 68)
    sect = lambda n: raw[512 + n * ss: 512 + (n + 1) * ss]
    difat = list(struct.unpack_from('<109I', raw, 76))
    n = difat0
    for _ in range(ndifat):
        d = struct.unpack('<%dI' % (ss // 4), sect(n))
        difat += d[:-1]; n = d[-1]
    fat = []
    for s in difat[:nfat]:
        fat += struct.unpack('<%dI' % (ss // 4), sect(s))
    def chain(n):
        out = []
        while n not in (END, FREE) and len(out) <= len(fat):
            out.append(n); n = fat[n]
        return out
    dirs = b''.join(sect(s) for s in chain(dir0))
    entries = []
    for i in range(len(dirs) // 128):
        e = dirs[i * 128:(i + 1) * 128]
        nl = struct.unpack_from('<H', e, 64)[0]
        name = e[:max(nl - 2, 0)].decode('utf-16-le', 'replace')
        typ = e[66]; start, size = struct.unpack_from('<II', e, 116)
        entries.append((name, typ, start, size))
    root = entries[0]
    ministream = b''.join(sect(s) for s in chain(root[2]))
    minifat = []
    for s in chain(mini0):
        minifat += struct.unpack('<%dI' % (ss // 4), sect(s))
    for name, typ, start, size in entries:
        if typ != 2 or name != want:
            continue
        if size < cutoff:
            out, n = [], start
            while n not in (END, FREE):
                out.append(ministream[n * mss:(n + 1) * mss]); n = minifat[n]
            return b''.join(out)[:size]
        return b''.join(sect(s) for s in chain(start))[:size]
    return None

def records(b, pos=0):
    while pos + 4 <= len(b):
        rid, ln = struct.unpack_from('<HH', b, pos)
        yield pos, rid, b[pos + 4:pos + 4 + ln]
        pos += 4 + ln

class Pieces:
    """A record and its CONTINUE records; a string's characters resume after a flag byte."""
    def __init__(self, parts): self.parts, self.i, self.p = parts, 0, 0
    def take(self, n):
        out = b''
        while n:
            if self.p == len(self.parts[self.i]): self.i += 1; self.p = 0
            k = min(n, len(self.parts[self.i]) - self.p)
            out += self.parts[self.i][self.p:self.p + k]; self.p += k; n -= k
        return out
    def string(self, short=False):
        n = self.take(1)[0] if short else struct.unpack('<H', self.take(2))[0]
        fl = self.take(1)[0]
        runs = struct.unpack('<H', self.take(2))[0] if fl & 8 else 0
        ext = struct.unpack('<I', self.take(4))[0] if fl & 4 else 0
        wide, chars = fl & 1, []
        while n:
            if self.p == len(self.parts[self.i]):
                self.i += 1; self.p = 0; wide = self.take(1)[0] & 1
            w = 2 if wide else 1
            k = min(n, (len(self.parts[self.i]) - self.p) // w)
            raw = self.take(k * w)
            chars.append(raw.decode('utf-16-le') if wide else raw.decode('latin-1'))
            n -= k
        self.take(4 * runs); self.take(ext)
        return ''.join(chars)

def rk(v):
    x = (struct.unpack('<i', struct.pack('<I', v))[0] >> 2) if v & 2 else struct.unpack('<d', struct.pack('<Q', (v & 0xFFFFFFFC) << 32))[0]
    return x / 100 if v & 1 else x

DATE_BUILTIN = set(range(14, 23)) | set(range(27, 37)) | set(range(45, 48)) | set(range(50, 59))

def is_date_format(code):
    s, i, first = code.split(';')[0], 0, ''
    while i < len(s):
        c = s[i]
        if c == '"':
            j = s.find('"', i + 1); i = len(s) if j < 0 else j + 1; continue
        if c in '\\_*': i += 2; continue
        if c == '[':
            j = s.find(']', i); inner = s[i + 1:j].lower()
            if inner and not inner.strip('hms'): return False
            i = j + 1; continue
        first += c; i += 1
    return any(ch in first.lower() for ch in 'ymdhs')

def read_xls(path):
    wb = ole_stream(open(path, 'rb').read(), 'Workbook')
    recs = list(records(wb))
    sst, xf, fmts, sheets, d1904 = [], [], {}, [], False
    i = 0
    while i < len(recs):
        pos, rid, d = recs[i]
        parts = [d]
        while i + 1 < len(recs) and recs[i + 1][1] == 0x3C:
            i += 1; parts.append(recs[i][2])
        if rid == 0x0A: break
        if rid == 0xFC:
            p = Pieces(parts); p.take(4); n = struct.unpack('<I', p.take(4))[0]
            sst = [p.string() for _ in range(n)]
        elif rid == 0xE0: xf.append(struct.unpack_from('<H', d, 2)[0])
        elif rid == 0x41E: fmts[struct.unpack_from('<H', d)[0]] = Pieces([d[2:]]).string()
        elif rid == 0x22: d1904 = struct.unpack_from('<H', d)[0] == 1
        elif rid == 0x85:
            if d[5] == 0: sheets.append((Pieces([d[6:]]).string(short=True), struct.unpack_from('<I', d)[0]))
        i += 1
    def num(x, ixf):
        f = xf[ixf] if ixf < len(xf) else 0
        date = is_date_format(fmts[f]) if f in fmts else f in DATE_BUILTIN
        if date and x >= 1:
            base = datetime.datetime(1904, 1, 1) if d1904 else datetime.datetime(1899, 12, 30)
            t = base + datetime.timedelta(seconds=round(x * 86400))
            return t.strftime('%Y-%m-%d') if t.time() == datetime.time(0) else t.strftime('%Y-%m-%d %H:%M:%S')
        if x == int(x) and abs(x) < 2 ** 53: return str(int(x))
        return repr(float('%.15g' % x)) if x != int(x) else repr(x)  # Excel shows 15 digits
    out = []
    for name, off in sheets:
        cells, depth, pend = {}, 0, None
        for pos, rid, d in records(wb, off):
            if rid == 0x809: depth += 1; continue
            if rid == 0x0A:
                depth -= 1
                if depth == 0: break
                continue
            if depth != 1: continue
            if rid in (0xFD, 0x204, 0x203, 0x27E, 0xBD, 0x06, 0x207):
                r, c, ixf = struct.unpack_from('<HHH', d)
            if rid == 0xFD: cells[r, c] = sst[struct.unpack_from('<I', d, 6)[0]]
            elif rid == 0x204: cells[r, c] = Pieces([d[6:]]).string()
            elif rid == 0x203: cells[r, c] = num(struct.unpack_from('<d', d, 6)[0], ixf)
            elif rid == 0x27E: cells[r, c] = num(rk(struct.unpack_from('<I', d, 6)[0]), ixf)
            elif rid == 0xBD:
                for k in range((len(d) - 6) // 6):
                    x, v = struct.unpack_from('<HI', d, 4 + 6 * k)
                    cells[r, c + k] = num(rk(v), x)
            elif rid == 0x06:
                if d[12:14] != b'\xff\xff': cells[r, c] = num(struct.unpack_from('<d', d, 6)[0], ixf)
                elif d[6] == 0: pend = (r, c)
            elif rid == 0x207 and pend: cells[pend] = Pieces([d]).string(); pend = None
        rows = defaultdict(dict)
        for (r, c), v in cells.items():
            if v.strip(): rows[r][c] = v
        out.append((name, rows))
    return out

def fen(s):
    return int((Decimal(s) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))

def key(path):
    name, rows = read_xls(path)[0]
    hdr_row = min(rows)
    head = {v.strip(): c for c, v in rows[hdr_row].items()}
    col = lambda *names: next((head[n] for n in names if n in head), None)
    buyer, amount = col('买家会员名', 'Customer ID'), col('买家实际支付金额', 'Sales')
    paid, created, status = col('订单付款时间'), col('订单创建时间', 'Order Date'), col('订单状态')
    order, goods = col('Order ID'), col('宝贝标题', 'Product Name')
    if buyer is None: return None
    trades = {}
    for r in sorted(rows):
        if r == hdr_row: continue
        g = lambda c: rows[r].get(c, '').strip() if c is not None else ''
        who = g(buyer)
        if not who or '*' in who: continue
        when = g(paid) or g(created)
        if not when: continue  # no date at all: a row problem, not a trade
        k = (who, g(order)) if order is not None else (who, when, g(goods), g(amount))
        t = trades.setdefault(k, [who, 0, bool(g(paid)) or paid is None, g(status)])
        t[1] += fen(g(amount) or '0')
    per = defaultdict(lambda: [0, 0])
    for who, f, is_paid, st in trades.values():
        p = per[who]
        if is_paid and st != '交易关闭' and f > 0: p[0] += 1; p[1] += f
        elif f < 0: p[1] += f
    return per

if __name__ == '__main__':
    if sys.argv[1] == '--dump':
        for name, rows in read_xls(sys.argv[2]):
            print('SHEET', repr(name))
            for r in sorted(rows):
                print(r + 1, '\t'.join(rows[r].get(c, '') for c in range(max(rows[r]) + 1)), sep='\t')
        sys.exit()
    print('file\tbuyer\ttrades\ttotal_fen')
    for dp, _, fs in sorted(os.walk(sys.argv[1])):
        for f in sorted(fs):
            if not f.lower().endswith('.xls'): continue
            p = os.path.join(dp, f)
            per = key(p)
            if per is None: continue
            rel = os.path.relpath(p, sys.argv[1])
            for who in sorted(per):
                print('%s\t%s\t%d\t%d' % (rel, who, per[who][0], per[who][1]))
