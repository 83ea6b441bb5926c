# Independent answer key for the whole UCI Online Retail file: per CustomerID, the
# number of counting invoices and the total value by PRODUCT.md's counting rule.
import csv, gzip, sys
from decimal import Decimal, ROUND_HALF_UP
from collections import defaultdict
inv = {}  # invoice -> [customer set, amount fen, qty]
for r in csv.DictReader(gzip.open(sys.argv[1], 'rt', encoding='utf-8')):
    c = r['CustomerID'].strip()
    if c.endswith('.0'): c = c[:-2]
    q = int(r['Quantity']); p = Decimal(r['UnitPrice'])
    line = (p * q * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)  # half away from zero
    e = inv.setdefault(r['InvoiceNo'], [set(), 0, 0, 0])
    e[0].add(c); e[1] += int(line); e[2] += q; e[3] += 1
cust = defaultdict(lambda: [0, 0])
mixed = 0
for no, (cs, fen, q, n) in inv.items():
    if len(cs) > 1: mixed += 1
    for c in cs:
        if c == '': continue
        k = cust[c]
        if fen > 0: k[0] += 1; k[1] += fen
        elif fen < 0: k[1] += fen
print('# invoices with several CustomerIDs:', mixed, file=sys.stderr)
print('# qty<0 and amount>0 invoices:', sum(1 for v in inv.values() if v[2] < 0 and v[1] > 0), file=sys.stderr)
print('# customers:', len(cust), file=sys.stderr)
big = max(inv.items(), key=lambda kv: kv[1][3])
print('# largest invoice lines:', big[0], big[1][3], file=sys.stderr)
print('customer_id,trades,total_fen')
for c in sorted(cust):
    print('%s,%d,%d' % (c, cust[c][0], cust[c][1]))
