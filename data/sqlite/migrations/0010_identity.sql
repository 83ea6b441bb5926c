-- 0010_identity: who is who (PRODUCT.md, Import). A name is no longer looked up only
-- among customers without nick and phone: a row known only by a name joins the one
-- customer who carries it, of any kind, so the name index covers every customer with
-- a name. Email and WeChat id identify a buyer like a phone does. (Every statement
-- can run again.)
DROP INDEX IF EXISTS customers_name;
CREATE INDEX IF NOT EXISTS customers_platform_name ON customers(platform, name) WHERE name <> '';
CREATE INDEX IF NOT EXISTS customers_email ON customers(email) WHERE email <> '';
CREATE INDEX IF NOT EXISTS customers_wechat ON customers(wechat) WHERE wechat <> '';

-- What an import skipped and rejected, by reason, in sheet rows and in orders
-- (data.Outcome), for the imports history.
CREATE TABLE IF NOT EXISTS import_outcomes (
    batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL,
    reason   TEXT    NOT NULL,
    rows     INTEGER NOT NULL,
    orders   INTEGER NOT NULL,
    PRIMARY KEY (batch_id, kind, reason)
);

-- A merge of two customers by hand, with what undoing it needs: both customers as
-- they were and the ids of the rows moved from one to the other (JSON).
CREATE TABLE IF NOT EXISTS customer_merges (
    id         INTEGER PRIMARY KEY,
    kept_id    INTEGER NOT NULL,
    gone_id    INTEGER NOT NULL,
    merged_at  TEXT    NOT NULL,
    before     TEXT    NOT NULL,
    undone_at  TEXT
);
CREATE INDEX IF NOT EXISTS customer_merges_kept ON customer_merges(kept_id);

-- The nicks of customers merged into another by hand: a later import that names
-- one finds the customer it was merged into.
CREATE TABLE IF NOT EXISTS customer_aliases (
    platform    TEXT    NOT NULL,
    nick        TEXT    NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    PRIMARY KEY (platform, nick)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS customer_aliases_customer ON customer_aliases(customer_id);
