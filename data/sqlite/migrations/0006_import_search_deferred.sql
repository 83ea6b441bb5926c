-- 0006_import_search_deferred: an import defers the narrow search table too, not only
-- the full-text index. While the settings key search.deferred is set (inside an
-- import's own transaction), new and changed customers leave customer_search alone;
-- the import fills it for its customers in one statement at the end (data/import.go,
-- searchTextSQL, which must say what these triggers say). Writing one search row per
-- imported customer was a third of the cost of inserting them.
DROP TRIGGER customers_search_ai;
CREATE TRIGGER customers_search_ai AFTER INSERT ON customers
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.deferred') BEGIN
    INSERT INTO customer_search (id, text) VALUES (new.id, lower(
        new.nick || char(31) || new.name || char(31) || new.phone || char(31) || new.email || char(31) ||
        new.province || new.city || char(31) || new.address));
END;

DROP TRIGGER customers_search_au;
CREATE TRIGGER customers_search_au AFTER UPDATE OF nick, name, phone, email, province, city, address ON customers
WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'search.deferred') BEGIN
    UPDATE customer_search SET text = lower(
        new.nick || char(31) || new.name || char(31) || new.phone || char(31) || new.email || char(31) ||
        new.province || new.city || char(31) || new.address) WHERE id = new.id;
END;
