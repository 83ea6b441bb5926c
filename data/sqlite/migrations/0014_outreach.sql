-- 0014_outreach: outreach queues (逐个发送, issue 19).
--
-- A run is a queue the seller started: a group (its filter) or a holiday greeting,
-- the message as the seller left it, and the buyers left out at the start by reason.
-- Its buyers are snapshotted into outreach_items, most valuable first, so a queue
-- stopped or cut short by a closed window goes on at its next pending buyer. A run
-- is offered for resuming until finished_at is set (its last buyer handled, or the
-- seller closed it).
CREATE TABLE outreach_runs (
    id             INTEGER PRIMARY KEY,
    label          TEXT    NOT NULL,
    holiday        TEXT    NOT NULL DEFAULT '', -- a holiday id: the greeting's buyers; '' a group
    filter         TEXT    NOT NULL DEFAULT '', -- a group: data.EncodeFilter's JSON
    kind           TEXT    NOT NULL,            -- the template kind the body came from
    body           TEXT    NOT NULL,            -- the message with its placeholders
    holiday_name   TEXT    NOT NULL DEFAULT '', -- what {节日} becomes
    goods_fallback TEXT    NOT NULL DEFAULT '', -- what {商品} becomes for a buyer without goods
    left_blacklisted INTEGER NOT NULL DEFAULT 0,
    left_opted_out   INTEGER NOT NULL DEFAULT 0,
    left_capped      INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT    NOT NULL,
    finished_at    TEXT                         -- NULL while it can be resumed
);
CREATE INDEX outreach_runs_open ON outreach_runs(created_at) WHERE finished_at IS NULL;

-- One row per buyer of a run. A buyer is in a run once (UNIQUE), so a run never sends
-- them two messages; a merge by hand keeps the kept customer's row. reason says why a
-- buyer was skipped by the queue itself rather than the seller (blacklisted, opted
-- out or capped by the time their turn came); contact_id is the contact record a
-- sent message wrote.
CREATE TABLE outreach_items (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES outreach_runs(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'skipped')),
    reason      TEXT    NOT NULL DEFAULT '',
    contact_id  INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    UNIQUE (run_id, position),
    UNIQUE (run_id, customer_id)
);
CREATE INDEX outreach_items_customer ON outreach_items(customer_id);
CREATE INDEX outreach_items_contact ON outreach_items(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX outreach_items_pending ON outreach_items(run_id, position) WHERE state = 'pending';
