-- Each item keeps its own event facts, so a new report is compared with every report of a story
-- (not with the first one's facts alone) and stories do not depend on the order reports arrive in.
ALTER TABLE items ADD COLUMN stage VARCHAR(32);
ALTER TABLE items ADD COLUMN people VARCHAR(400);
ALTER TABLE items ADD COLUMN places VARCHAR(400);
ALTER TABLE items ADD COLUMN event_date DATE;
