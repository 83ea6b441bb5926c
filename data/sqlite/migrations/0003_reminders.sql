-- 0003_reminders: follow-up rules, the detail of a stored reminder, template lookups and
-- the indexes that let reminders be derived for any date range from customers, trades
-- and contacts (no row is stored per future occurrence; follow_ups only keeps state).

-- One rule per kind. The birthday rule covers solar and lunar birthdays; the dormant
-- threshold is the shared settings key dormant_days (data.SettingDormantDays).
CREATE TABLE reminder_rules (
    kind         TEXT    PRIMARY KEY, -- birthday, holiday, anniversary, revisit, dormant, custom
    enabled      INTEGER NOT NULL DEFAULT 1,
    lead_days    INTEGER NOT NULL DEFAULT 0,  -- due this many days before the occasion
    after_days   INTEGER NOT NULL DEFAULT 0,  -- revisit: the occasion is this many days after a counting trade
    target_tiers TEXT    NOT NULL DEFAULT '', -- holiday: tier names joined by char(31); none and no tags = everyone
    target_tags  TEXT    NOT NULL DEFAULT '', -- holiday: tag names joined by char(31)
    holidays_off TEXT    NOT NULL DEFAULT ''  -- holiday ids switched off, comma-separated
) WITHOUT ROWID;
INSERT INTO reminder_rules (kind, enabled, lead_days, after_days) VALUES
    ('birthday',    1, 3, 0),
    ('holiday',     1, 7, 0),
    ('anniversary', 1, 0, 0),
    ('revisit',     1, 0, 7),
    ('dormant',     1, 0, 0),
    ('custom',      1, 0, 0);

-- What a stored (custom or snoozed) reminder is about: goods, a note, a holiday id.
ALTER TABLE follow_ups ADD COLUMN detail TEXT NOT NULL DEFAULT '';
CREATE INDEX follow_ups_snoozed ON follow_ups(snoozed_until) WHERE status = 'snoozed';
CREATE INDEX follow_ups_customer ON follow_ups(customer_id, due_date);

-- Birthdays by month-day ('MM-DD' is the tail of both 'YYYY-MM-DD' and 'MM-DD').
CREATE INDEX customers_birthday ON customers(birthday_lunar, substr(birthday, -5)) WHERE birthday <> '';
-- Purchase anniversaries by the first counting trade.
CREATE INDEX customers_first_trade ON customers(first_trade_at);
-- After-sales revisits by trade time, dormancy reset by contact time.
CREATE INDEX trades_time   ON trades(traded_at);
CREATE INDEX contacts_time ON contacts(contacted_at);

-- The seller's own wording of a kind's message, per language; without a row the
-- translated default is used.
CREATE UNIQUE INDEX templates_kind_lang ON templates(kind, lang);
