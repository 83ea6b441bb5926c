-- 0001_init: the whole ShopCRM schema. Later issues fill these tables; a shipped
-- migration is never edited, changes come as new numbered files.
--
-- Conventions: money is integer fen (分); times are TEXT 'YYYY-MM-DD HH:MM:SS' in UTC;
-- calendar dates are TEXT 'YYYY-MM-DD'; booleans are INTEGER 0/1; extra fields are a
-- JSON object of column name → text value.

CREATE TABLE import_batches (
    id                INTEGER PRIMARY KEY,
    file_name         TEXT    NOT NULL,
    content_hash      TEXT    NOT NULL,
    sheet             TEXT    NOT NULL DEFAULT '',
    layout            TEXT    NOT NULL DEFAULT '{}', -- the sheet's headers and mapping, for export in the seller's layout
    imported_at       TEXT    NOT NULL,
    created_customers INTEGER NOT NULL DEFAULT 0,
    updated_customers INTEGER NOT NULL DEFAULT 0,
    unchanged         INTEGER NOT NULL DEFAULT 0,
    created_trades    INTEGER NOT NULL DEFAULT 0,
    skipped           INTEGER NOT NULL DEFAULT 0,
    rejected          INTEGER NOT NULL DEFAULT 0,
    reverted_at       TEXT
);
CREATE INDEX import_batches_hash ON import_batches(content_hash);

CREATE TABLE customers (
    id                INTEGER PRIMARY KEY,
    platform          TEXT    NOT NULL DEFAULT '',
    nick              TEXT    NOT NULL DEFAULT '',
    name              TEXT    NOT NULL DEFAULT '',
    gender            TEXT    NOT NULL DEFAULT '',   -- '', 'male', 'female'
    birthday          TEXT    NOT NULL DEFAULT '',   -- 'YYYY-MM-DD' or 'MM-DD' when the year is unknown
    birthday_lunar    INTEGER NOT NULL DEFAULT 0,    -- 1: birthday is a lunar (农历) date
    phone             TEXT    NOT NULL DEFAULT '',
    email             TEXT    NOT NULL DEFAULT '',
    wechat            TEXT    NOT NULL DEFAULT '',
    wangwang          TEXT    NOT NULL DEFAULT '',
    qq                TEXT    NOT NULL DEFAULT '',
    province          TEXT    NOT NULL DEFAULT '',
    city              TEXT    NOT NULL DEFAULT '',
    address           TEXT    NOT NULL DEFAULT '',
    source            TEXT    NOT NULL DEFAULT '',
    note              TEXT    NOT NULL DEFAULT '',
    marketing_opt_out INTEGER NOT NULL DEFAULT 0,
    extra             TEXT    NOT NULL DEFAULT '{}',
    -- Derived from trades by the counting rule; rewritten in the same transaction as every trade write.
    trade_count       INTEGER NOT NULL DEFAULT 0,
    total_fen         INTEGER NOT NULL DEFAULT 0,
    first_trade_at    TEXT,
    last_trade_at     TEXT,
    batch_id          INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
-- Lookups of imports, and the list's busiest sorts (累计金额, 交易次数, 最近交易). Sorting
-- by the text columns scans instead: every index is paid for on every imported row.
CREATE UNIQUE INDEX customers_platform_nick ON customers(platform, nick) WHERE nick <> '';
CREATE INDEX customers_phone      ON customers(phone) WHERE phone <> '';
CREATE INDEX customers_name       ON customers(platform, name) WHERE nick = '';
CREATE INDEX customers_trades     ON customers(trade_count);
CREATE INDEX customers_total      ON customers(total_fen);
CREATE INDEX customers_last_trade ON customers(last_trade_at);

-- Free-text search: a narrow table with one lower-cased text per customer (nick, name,
-- phone, email, region, address), kept by triggers, and a trigram full-text index over it
-- for substring matches of three or more characters. Shorter words scan the narrow table.
CREATE TABLE customer_search (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL
);
CREATE VIRTUAL TABLE customer_fts USING fts5(text, content='customer_search', content_rowid='id', tokenize='trigram');

-- An import defers the full-text index (settings key search.deferred, set and cleared
-- inside its own transaction) and indexes its rows in one statement at the end: FTS5
-- flushes its pending terms at every statement of a transaction, which made row-by-row
-- indexing the most expensive part of an import.
CREATE TRIGGER customer_search_ai AFTER INSERT ON customer_search
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.deferred') BEGIN
    INSERT INTO customer_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER customer_search_ad AFTER DELETE ON customer_search BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER customer_search_au AFTER UPDATE ON customer_search
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.deferred') BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO customer_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER customers_search_ai AFTER INSERT ON customers BEGIN
    INSERT INTO customer_search (id, text) VALUES (new.id, lower(
        new.nick || char(31) || new.name || char(31) || new.phone || char(31) || new.email || char(31) ||
        new.province || new.city || char(31) || new.address));
END;
CREATE TRIGGER customers_search_au AFTER UPDATE OF nick, name, phone, email, province, city, address ON customers BEGIN
    UPDATE customer_search SET text = lower(
        new.nick || char(31) || new.name || char(31) || new.phone || char(31) || new.email || char(31) ||
        new.province || new.city || char(31) || new.address) WHERE id = new.id;
END;
CREATE TRIGGER customers_search_ad AFTER DELETE ON customers BEGIN
    DELETE FROM customer_search WHERE id = old.id;
END;

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE customer_tags (
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (customer_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags(tag_id, customer_id);

-- Tiers (会员等级): a customer is in the highest-ranked tier whose rule holds:
-- trade_count >= min_trades OR total_fen >= min_total_fen; NULL means "not a criterion".
-- The rank-0 tier has both NULL and holds for everyone. Default names are translation
-- keys (tier.*), shown translated; a name the seller types is shown as typed.
CREATE TABLE tiers (
    id            INTEGER PRIMARY KEY,
    rank          INTEGER NOT NULL UNIQUE,
    name          TEXT    NOT NULL UNIQUE,
    min_trades    INTEGER,
    min_total_fen INTEGER
);
INSERT INTO tiers (rank, name, min_trades, min_total_fen) VALUES
    (0, 'tier.potential', NULL, NULL),
    (1, 'tier.regular',   1,    NULL),
    (2, 'tier.senior',    2,    50000),
    (3, 'tier.vip',       5,    200000),
    (4, 'tier.supreme',   10,   500000);

CREATE TABLE trades (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
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
    updated_at   TEXT    NOT NULL
);
CREATE UNIQUE INDEX trades_platform_order ON trades(platform, order_no) WHERE order_no <> '';
-- A customer's trades in time order (detail pane, stats). Kept narrow: every index is
-- paid for on every imported trade. Later features add the indexes they need.
CREATE INDEX trades_customer ON trades(customer_id, traded_at);
CREATE INDEX trades_batch    ON trades(batch_id) WHERE batch_id IS NOT NULL;

-- What an import batch changed, so it can be reverted: created rows are deleted,
-- updated rows get their "before" JSON snapshot back.
CREATE TABLE batch_changes (
    id        INTEGER PRIMARY KEY,
    batch_id  INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    entity    TEXT    NOT NULL CHECK (entity IN ('customer', 'trade')),
    entity_id INTEGER NOT NULL,
    action    TEXT    NOT NULL CHECK (action IN ('create', 'update')),
    before    TEXT
);
CREATE INDEX batch_changes_batch ON batch_changes(batch_id);

-- Follow-ups (回访提醒): custom reminders, and the state (done / snoozed / dismissed) of
-- reminders derived from birthdays, holidays and trades, keyed by kind and event date.
CREATE TABLE follow_ups (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL, -- birthday, lunar_birthday, holiday, anniversary, revisit, dormant, custom
    event_key     TEXT    NOT NULL DEFAULT '', -- identifies a derived occurrence (e.g. holiday id)
    event_date    TEXT    NOT NULL, -- the occasion's date
    due_date      TEXT    NOT NULL,
    repeat        TEXT    NOT NULL DEFAULT '', -- '', 'yearly', 'monthly', 'weekly'
    status        TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'snoozed', 'dismissed')),
    snoozed_until TEXT,
    note          TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX follow_ups_occurrence ON follow_ups(customer_id, kind, event_key, event_date) WHERE kind <> 'custom';
CREATE INDEX follow_ups_due ON follow_ups(due_date, status);

-- Contact records (沟通记录).
CREATE TABLE contacts (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    contacted_at   TEXT    NOT NULL,
    channel        TEXT    NOT NULL CHECK (channel IN ('wangwang', 'wechat', 'phone', 'sms', 'email', 'other')),
    summary        TEXT    NOT NULL DEFAULT '',
    next_follow_up TEXT,
    follow_up_id   INTEGER REFERENCES follow_ups(id) ON DELETE SET NULL,
    created_at     TEXT    NOT NULL
);
CREATE INDEX contacts_customer ON contacts(customer_id, contacted_at);

-- Message templates (话术模板) with placeholders such as {网名}, {姓名}, {商品}, {节日}, {上次购买}.
CREATE TABLE templates (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    lang       TEXT    NOT NULL DEFAULT 'zh',
    body       TEXT    NOT NULL,
    builtin    INTEGER NOT NULL DEFAULT 0,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Audit log: what was done and how many rows, never the personal data itself.
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT    NOT NULL,
    action TEXT    NOT NULL,
    count  INTEGER NOT NULL DEFAULT 0,
    detail TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
