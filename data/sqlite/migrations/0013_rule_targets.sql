-- 0013_rule_targets: every reminder kind can be limited to buyers (issue 19). Besides
-- the tiers and tags of 0003, a rule may name RFM segments and one saved group; a
-- buyer in any of them is targeted, and a rule naming none goes to everyone.
ALTER TABLE reminder_rules ADD COLUMN target_segments TEXT NOT NULL DEFAULT ''; -- data.Segment values joined by char(31)
ALTER TABLE reminder_rules ADD COLUMN target_group INTEGER NOT NULL DEFAULT 0;  -- saved_groups.id, 0 for none
