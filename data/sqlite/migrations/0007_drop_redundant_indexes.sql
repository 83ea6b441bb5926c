-- 0007_drop_redundant_indexes: two indexes are prefixes of wider ones and answer
-- nothing those do not; each cost every imported row one more index insert.
--   trades_customer (customer_id, traded_at) is a prefix of trades_customer_stats (0002);
--   customers_trades (trade_count) is a prefix of customers_groups (0002).
DROP INDEX trades_customer;
DROP INDEX customers_trades;
