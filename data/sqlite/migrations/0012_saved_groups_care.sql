-- 0012_saved_groups_care: saved groups and care messages (issue 19).
--
-- A saved group is a customer filter kept under a name (data.SavedGroup); its members
-- are worked out from the filter whenever it is shown, so they follow the trades.
CREATE TABLE saved_groups (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    filter     TEXT NOT NULL, -- data.EncodeFilter's JSON
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- What care message a contact was ('' an ordinary contact; a reminder kind; 'group'
-- from an outreach queue): care messages count against the frequency cap
-- (data.CareCap), found per buyer through contacts_care.
ALTER TABLE contacts ADD COLUMN care TEXT NOT NULL DEFAULT '';
CREATE INDEX contacts_care ON contacts(customer_id, contacted_at) WHERE care <> '';
