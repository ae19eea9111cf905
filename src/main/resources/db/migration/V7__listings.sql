-- Retention keeps the irrelevant items a feed still lists: deleted, they would be fetched and judged
-- again at the next poll. An item's listed_at is the last time a listing of its feed showed it
-- (refreshed at most every few hours); a feed's listed_from is such that every item of its latest
-- listing has listed_at at or after it. A 304 changes neither: the listing is the same.
ALTER TABLE items ADD COLUMN listed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE feeds ADD COLUMN listed_from TIMESTAMP WITH TIME ZONE;
-- What is stored counts as listed until the feed's next listings say otherwise.
UPDATE items SET listed_at = CURRENT_TIMESTAMP WHERE status = 'irrelevant';
UPDATE feeds SET listed_from = CURRENT_TIMESTAMP;
