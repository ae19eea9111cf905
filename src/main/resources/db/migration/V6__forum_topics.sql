-- Forum topics: a subscription made inside a topic of a supergroup delivers to that topic
-- (Telegram's message_thread_id); NULL is the general topic. Outbox rows carry the topic they go to.
ALTER TABLE subscriptions ADD COLUMN thread_id BIGINT;
ALTER TABLE outbox ADD COLUMN thread_id BIGINT;
