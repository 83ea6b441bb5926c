-- 0014_outreach: outreach queues (逐个发送, issue 19).
--
-- A run is a queue the seller started: a group (its filter) or a holiday greeting,
-- the message as the seller left it, and the buyers left out at the start by reason.
-- Its buyers are snapshotted into outreach_items, most valuable first, so a queue
-- stopped or cut short by a closed window goes on at its next pending buyer. A run
-- is offered for resuming until finished_at is set (its last buyer handled, or the
-- seller closed it).
CREATE TABLE outreach_runs (
    id               INTEGER PRIMARY KEY,
    label            TEXT    NOT NULL,
    holiday          TEXT    NOT NULL DEFAULT '', -- a holiday id: the greeting's buyers; '' a group
    filter           TEXT    NOT NULL DEFAULT '', -- a group: data.EncodeFilter's JSON
    kind             TEXT    NOT NULL,            -- the template kind the body came from
    body             TEXT    NOT NULL,            -- the message with its placeholders
    holiday_name     TEXT    NOT NULL DEFAULT '', -- what {节日} becomes
    goods_fallback   TEXT    NOT NULL DEFAULT '', -- what {商品} becomes for a buyer without goods
    left_blacklisted INTEGER NOT NULL DEFAULT 0,  -- left out at the start, by reason
    left_opted_out   INTEGER NOT NULL DEFAULT 0,
    left_capped      INTEGER NOT NULL DEFAULT 0,
    -- Its buyers by state, kept by the triggers below once counted is set (after the
    -- start has written them), so a run is read in one row however many it holds.
    counted          INTEGER NOT NULL DEFAULT 0,
    pending          INTEGER NOT NULL DEFAULT 0,
    sent             INTEGER NOT NULL DEFAULT 0,
    skipped          INTEGER NOT NULL DEFAULT 0,  -- by the seller
    held_blacklisted INTEGER NOT NULL DEFAULT 0,  -- skipped by the queue when their turn came
    held_opted_out   INTEGER NOT NULL DEFAULT 0,
    held_capped      INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT    NOT NULL,
    finished_at      TEXT                         -- NULL while it can be resumed
);
CREATE INDEX outreach_runs_open ON outreach_runs(created_at) WHERE finished_at IS NULL;

-- One row per buyer of a run. A buyer is in a run once (UNIQUE), so a run never sends
-- them two messages; a merge by hand keeps the kept customer's row. reason says why
-- the queue itself skipped a buyer (blacklisted, opted out or capped by the time
-- their turn came), '' when the seller did; contact_id is the contact record a sent
-- message wrote.
CREATE TABLE outreach_items (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES outreach_runs(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL, -- 1 for the most valuable buyer
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'skipped')),
    reason      TEXT    NOT NULL DEFAULT '',
    contact_id  INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    UNIQUE (run_id, customer_id)
);
CREATE INDEX outreach_items_customer ON outreach_items(customer_id);
CREATE INDEX outreach_items_contact ON outreach_items(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX outreach_items_pending ON outreach_items(run_id, position) WHERE state = 'pending';

-- The counters follow every change of an item, whatever makes it (the queue, a
-- customer erased or merged, a merge undone).
CREATE TRIGGER outreach_items_ai AFTER INSERT ON outreach_items
WHEN (SELECT counted FROM outreach_runs WHERE id = new.run_id) BEGIN
    UPDATE outreach_runs SET pending = pending + (new.state = 'pending'), sent = sent + (new.state = 'sent'),
        skipped = skipped + (new.state = 'skipped' AND new.reason = ''),
        held_blacklisted = held_blacklisted + (new.reason = 'blacklisted'),
        held_opted_out = held_opted_out + (new.reason = 'opted_out'), held_capped = held_capped + (new.reason = 'capped')
    WHERE id = new.run_id;
END;
CREATE TRIGGER outreach_items_ad AFTER DELETE ON outreach_items
WHEN (SELECT counted FROM outreach_runs WHERE id = old.run_id) BEGIN
    UPDATE outreach_runs SET pending = pending - (old.state = 'pending'), sent = sent - (old.state = 'sent'),
        skipped = skipped - (old.state = 'skipped' AND old.reason = ''),
        held_blacklisted = held_blacklisted - (old.reason = 'blacklisted'),
        held_opted_out = held_opted_out - (old.reason = 'opted_out'), held_capped = held_capped - (old.reason = 'capped')
    WHERE id = old.run_id;
END;
CREATE TRIGGER outreach_items_au AFTER UPDATE OF state, reason ON outreach_items
WHEN (SELECT counted FROM outreach_runs WHERE id = new.run_id) BEGIN
    UPDATE outreach_runs SET pending = pending + (new.state = 'pending') - (old.state = 'pending'),
        sent = sent + (new.state = 'sent') - (old.state = 'sent'),
        skipped = skipped + (new.state = 'skipped' AND new.reason = '') - (old.state = 'skipped' AND old.reason = ''),
        held_blacklisted = held_blacklisted + (new.reason = 'blacklisted') - (old.reason = 'blacklisted'),
        held_opted_out = held_opted_out + (new.reason = 'opted_out') - (old.reason = 'opted_out'),
        held_capped = held_capped + (new.reason = 'capped') - (old.reason = 'capped')
    WHERE id = new.run_id;
END;
