-- Per-chat settings: mute, daily digest (HH:MM in the chat's time zone).
ALTER TABLE chats ADD COLUMN muted_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE chats ADD COLUMN digest_time VARCHAR(5);
ALTER TABLE chats ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;
ALTER TABLE chats ADD COLUMN last_digest_at TIMESTAMP WITH TIME ZONE;
