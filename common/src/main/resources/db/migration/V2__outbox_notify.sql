-- Outbox relay, production grade: wake relays on commit, and index what they query.

-- Every committed insert into the outbox notifies channel slipway_outbox, so relays on any API
-- replica (LISTEN slipway_outbox) publish at once instead of at their next poll. PostgreSQL sends
-- notifications only at commit and folds identical ones of one transaction into one; a statement
-- trigger keeps a bulk insert to one notification. The payload is empty: listeners only wake up
-- and claim rows themselves, so a lost notification costs latency (the poll catches up), never a
-- row.
CREATE FUNCTION outbox_notify() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('slipway_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify_on_insert
    AFTER INSERT ON outbox
    FOR EACH STATEMENT
    EXECUTE FUNCTION outbox_notify();

-- A relay publishes a row only after every earlier pending row of its message group: it looks up
-- the pending rows of the groups it claimed.
CREATE INDEX outbox_pending_by_group ON outbox (group_id, id) WHERE sent_at IS NULL;

-- Retention: sent rows are deleted oldest first once older than slipway.api.outbox.retention.
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
