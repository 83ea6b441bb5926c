-- 0009_unlinked_orders: a trade may have no customer. Today's Taobao / Tmall, Pinduoduo,
-- Douyin, Kuaishou and WeChat 小店 exports name no buyer; their orders are kept as
-- unlinked orders (customer_id NULL) that count in sales reports and attach to a
-- customer by order number later (PRODUCT.md, "Orders without a known buyer").
--
-- SQLite cannot drop a NOT NULL constraint, so the table is rebuilt: a new table,
-- the rows copied with their ids, the old table dropped, the new one renamed, and
-- every index of 0001–0008 created again under its own name (the import engine reads
-- their definitions from sqlite_schema by name). Migrations run inside a transaction,
-- where PRAGMA foreign_keys=OFF does nothing; none is needed: no table refers to
-- trades, so dropping it deletes no parent row, and the copied rows keep their
-- customer ids, each of which exists. There are no triggers on trades. A new column,
-- linked_at, says which orders were linked.
--
-- Customer stats (stats.go) are aggregated per customer over t.customer_id =
-- customers.id, which an unlinked order never matches: it counts for no customer
-- until it is linked, and sales per month (charts.go) count it like any trade.
CREATE TABLE trades_new (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER REFERENCES customers(id) ON DELETE CASCADE, -- NULL: an unlinked order
    platform     TEXT    NOT NULL DEFAULT '',
    order_no     TEXT    NOT NULL DEFAULT '',
    traded_at    TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'paid' CHECK (status IN ('paid', 'refunded', 'closed', 'unpaid')),
    goods        TEXT    NOT NULL DEFAULT '',
    quantity     INTEGER NOT NULL DEFAULT 1,
    amount_fen   INTEGER NOT NULL DEFAULT 0,
    refund_fen   INTEGER NOT NULL DEFAULT 0,
    ship_name    TEXT    NOT NULL DEFAULT '',
    ship_phone   TEXT    NOT NULL DEFAULT '',
    ship_address TEXT    NOT NULL DEFAULT '',
    note         TEXT    NOT NULL DEFAULT '',
    extra        TEXT    NOT NULL DEFAULT '{}',
    batch_id     INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    -- When an order that came without a buyer was attached to one (by an import or by
    -- hand); NULL for an order that came with its buyer or is still unlinked. Such an
    -- order's values stay those of the files that carry it without a buyer (the
    -- platform's): a row naming its buyer attaches it and fills gaps only.
    linked_at    TEXT
);
INSERT INTO trades_new (id, customer_id, platform, order_no, traded_at, status, goods, quantity, amount_fen,
        refund_fen, ship_name, ship_phone, ship_address, note, extra, batch_id, created_at, updated_at)
    SELECT id, customer_id, platform, order_no, traded_at, status, goods, quantity, amount_fen,
        refund_fen, ship_name, ship_phone, ship_address, note, extra, batch_id, created_at, updated_at
    FROM trades ORDER BY id;
DROP TABLE trades;
ALTER TABLE trades_new RENAME TO trades;

-- The indexes of 0001, 0002 and 0003 that 0007 kept, as they were.
CREATE UNIQUE INDEX trades_platform_order ON trades(platform, order_no) WHERE order_no <> '';
CREATE INDEX trades_batch    ON trades(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX trades_customer_stats ON trades(customer_id, traded_at, status, amount_fen, refund_fen);
CREATE INDEX trades_refund_only ON trades(traded_at) WHERE status = 'paid' AND amount_fen < 0;
CREATE INDEX trades_time   ON trades(traded_at);

-- The 未关联订单 view lists unlinked orders newest first; linked trades are not in it,
-- so it costs an import of a seller's own sheet nothing.
CREATE INDEX trades_unlinked ON trades(traded_at) WHERE customer_id IS NULL;
