-- 0007_drop_trades_customer: trades_customer (customer_id, traded_at) is a prefix of
-- trades_customer_stats (0002), which answers every query it answered; keeping both
-- cost every imported trade a second random-order index insert.
DROP INDEX trades_customer;
