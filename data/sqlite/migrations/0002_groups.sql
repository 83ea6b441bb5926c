-- 0002_groups: grouping by trade count and value (tiers, RFM, dormant buyers).
--
-- Each customer's tier is stored as tier_rank, kept by triggers when the stats change
-- and rewritten by the store in the same transaction when the tiers change, so that
-- the list filters and sorts by tier through an index instead of evaluating the tier
-- rule per row.
ALTER TABLE customers ADD COLUMN tier_rank INTEGER NOT NULL DEFAULT 0;

UPDATE customers SET tier_rank = coalesce((SELECT max(tr.rank) FROM tiers tr
    WHERE (tr.min_trades IS NULL AND tr.min_total_fen IS NULL)
       OR customers.trade_count >= tr.min_trades OR customers.total_fen >= tr.min_total_fen), 0);

CREATE INDEX customers_tier ON customers(tier_rank);

-- Only rows whose tier really changes are written again.
CREATE TRIGGER customers_tier_au AFTER UPDATE OF trade_count, total_fen ON customers
WHEN new.tier_rank IS NOT coalesce((SELECT max(tr.rank) FROM tiers tr
    WHERE (tr.min_trades IS NULL AND tr.min_total_fen IS NULL)
       OR new.trade_count >= tr.min_trades OR new.total_fen >= tr.min_total_fen), 0)
BEGIN
    UPDATE customers SET tier_rank = coalesce((SELECT max(tr.rank) FROM tiers tr
        WHERE (tr.min_trades IS NULL AND tr.min_total_fen IS NULL)
           OR new.trade_count >= tr.min_trades OR new.total_fen >= tr.min_total_fen), 0)
    WHERE id = new.id;
END;

-- A new row normally has no stats yet (rank 0); one written with stats gets its tier.
CREATE TRIGGER customers_tier_ai AFTER INSERT ON customers
WHEN new.trade_count <> 0 OR new.total_fen <> 0
BEGIN
    UPDATE customers SET tier_rank = coalesce((SELECT max(tr.rank) FROM tiers tr
        WHERE (tr.min_trades IS NULL AND tr.min_total_fen IS NULL)
           OR new.trade_count >= tr.min_trades OR new.total_fen >= tr.min_total_fen), 0)
    WHERE id = new.id;
END;

-- Grouping reads only the stats: a covering index makes the whole-shop aggregations
-- (tier counts while thresholds are typed, RFM averages, dormant counts) index scans.
CREATE INDEX customers_groups ON customers(trade_count, total_fen, last_trade_at, first_trade_at);

-- Grouping as of a past date aggregates the trades up to that date per customer; this
-- index holds everything the counting rule reads, in customer and time order.
CREATE INDEX trades_customer_stats ON trades(customer_id, traded_at, status, amount_fen, refund_fen);

-- Refund-only rows (cancellation invoices) are rare; this small index answers "is
-- there one after the as-of date" without a scan.
CREATE INDEX trades_refund_only ON trades(traded_at) WHERE status = 'paid' AND amount_fen < 0;
