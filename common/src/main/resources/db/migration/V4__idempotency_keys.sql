-- Idempotency-Key support: the first response to a mutating request is stored in the same
-- transaction as the change it made, so a retry with the same key replays it and never repeats
-- the change. Rows older than the configured retention (at least 24 h) are deleted.
CREATE TABLE idempotency_keys (
    principal    text        NOT NULL,
    key          text        NOT NULL,
    method       text        NOT NULL,
    path         text        NOT NULL,
    request_hash text        NOT NULL,
    status       integer,
    body         text,
    location     text,
    etag         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, key)
);

CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
