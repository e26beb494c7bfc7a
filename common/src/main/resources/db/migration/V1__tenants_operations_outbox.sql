-- Slipway schema, version 1: desired and observed tenant state, operations, and the transactional outbox.
-- Enumerations are text with CHECK constraints (readable in psql, cheap to extend in a later migration).

CREATE TABLE tenants (
    id                  uuid        PRIMARY KEY,
    slug                text        NOT NULL UNIQUE,
    -- desired state, written by the API
    desired_state       text        NOT NULL CHECK (desired_state IN ('RUNNING', 'STOPPED', 'DELETED')),
    replicas            integer     NOT NULL DEFAULT 1 CHECK (replicas >= 0),
    -- The gateway token the worker writes into the tenant Secret. TODO(security): envelope-encrypt
    -- with a KMS data key before production use; never returned by the API after creation.
    gateway_token       text        NOT NULL,
    generation          bigint      NOT NULL DEFAULT 1 CHECK (generation >= 1),
    -- observed state, written by the worker and the reconciler
    phase               text        NOT NULL DEFAULT 'PENDING' CHECK (phase IN
                            ('PENDING', 'PROVISIONING', 'RUNNING', 'STOPPED', 'DEGRADED', 'FAILED', 'DELETING', 'DELETED')),
    observed_generation bigint      NOT NULL DEFAULT 0,
    ready_replicas      integer     NOT NULL DEFAULT 0,
    gateway_url         text        NOT NULL,
    last_error          text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    status_updated_at   timestamptz
);

CREATE TABLE operations (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    type        text        NOT NULL CHECK (type IN
                    ('CREATE', 'UPDATE', 'START', 'STOP', 'DELETE', 'ROTATE_TOKEN', 'RECONCILE')),
    status      text        NOT NULL DEFAULT 'QUEUED' CHECK (status IN
                    ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SUPERSEDED')),
    -- the tenant generation this operation was issued for
    generation  bigint      NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text,
    queued_at   timestamptz NOT NULL DEFAULT now(),
    started_at  timestamptz,
    finished_at timestamptz
);

CREATE INDEX operations_by_tenant ON operations (tenant_id, queued_at DESC);
CREATE INDEX operations_open ON operations (queued_at) WHERE status IN ('QUEUED', 'RUNNING');

-- One row per command to publish. Written in the same transaction as the operation; the relay
-- publishes pending rows in id order and stamps sent_at.
CREATE TABLE outbox (
    id           bigserial   PRIMARY KEY,
    operation_id uuid        NOT NULL UNIQUE REFERENCES operations (id),
    group_id     text        NOT NULL,
    body         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);

CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
