-- 0008_search_pending: an import's new customers are indexed for search after it
-- commits, in the background (data/search_pending.go). While the settings key
-- search.pending holds a customer id, customers from that id on may be missing from
-- customer_search and are not in the full-text index; searches scan them instead.
-- The full-text triggers leave those rows alone: FTS5 cannot take out a row it never
-- indexed (an external-content 'delete' of unindexed text corrupts the index). The
-- background job indexes them in id order, moving search.pending up as it goes.
DROP TRIGGER customer_search_ai;
CREATE TRIGGER customer_search_ai AFTER INSERT ON customer_search
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.deferred')
 AND new.id < coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'search.pending'), 9223372036854775807) BEGIN
    INSERT INTO customer_fts (rowid, text) VALUES (new.id, new.text);
END;

DROP TRIGGER customer_search_ad;
CREATE TRIGGER customer_search_ad AFTER DELETE ON customer_search
WHEN old.id < coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'search.pending'), 9223372036854775807) BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

DROP TRIGGER customer_search_au;
CREATE TRIGGER customer_search_au AFTER UPDATE ON customer_search
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.deferred')
 AND new.id < coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'search.pending'), 9223372036854775807) BEGIN
    INSERT INTO customer_fts (customer_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO customer_fts (rowid, text) VALUES (new.id, new.text);
END;
