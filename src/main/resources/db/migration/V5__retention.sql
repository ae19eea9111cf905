-- Retention deletes old irrelevant items and old finished alerts in small batches; these indexes
-- let each batch find its rows without scanning the tables.
CREATE INDEX items_status_seen ON items (status, seen_at);
CREATE INDEX outbox_item ON outbox (item_id);
CREATE INDEX outbox_status_created ON outbox (status, created_at);
