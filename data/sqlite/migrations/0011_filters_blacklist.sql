-- 0011_filters_blacklist: the customer list's filters (issue 19) and the blacklist.
-- (Every statement can run again.)
--
-- Blacklist (黑名单): a buyer the seller will not serve or contact again, with the
-- reason. A row per listing; a buyer is blacklisted while any row points at them. A
-- merge moves the gone customer's rows like any other table's (merge.go), so two
-- listed buyers merged stay listed with both reasons, and an unmerge puts them back.
CREATE TABLE IF NOT EXISTS blacklist (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    reason      TEXT    NOT NULL,
    added_at    TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS blacklist_customer ON blacklist(customer_id);

-- Goods bought: a buyer matches when one of their counting trades' goods contains the
-- words. Goods texts repeat (a shop sells a catalogue), so the words are looked for in
-- the distinct texts, kept in trade_goods by triggers (a text whose trades are gone
-- stays; it then matches no trade), and the trades with the matching texts are found
-- through trades_goods, which holds counting trades only (the counting rule of
-- stats.go, written the same way so the query's terms select this index).
CREATE TABLE IF NOT EXISTS trade_goods (
    name TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT OR IGNORE INTO trade_goods (name) SELECT DISTINCT goods FROM trades WHERE goods <> '';
-- The triggers look before they insert: an OR IGNORE inside a trigger gives way to
-- the conflict clause of the statement that fired it (an import's upsert).
CREATE TRIGGER IF NOT EXISTS trades_goods_ai AFTER INSERT ON trades WHEN new.goods <> '' BEGIN
    INSERT INTO trade_goods (name) SELECT new.goods WHERE NOT EXISTS (SELECT 1 FROM trade_goods WHERE name = new.goods);
END;
CREATE TRIGGER IF NOT EXISTS trades_goods_au AFTER UPDATE OF goods ON trades WHEN new.goods <> '' BEGIN
    INSERT INTO trade_goods (name) SELECT new.goods WHERE NOT EXISTS (SELECT 1 FROM trade_goods WHERE name = new.goods);
END;
CREATE INDEX IF NOT EXISTS trades_goods ON trades(goods, customer_id) WHERE status = 'paid' AND amount_fen - refund_fen > 0;

