-- Slipway schema, version 7: one row per reconcile pass, for ops (GET /v1/ops/reconcile-runs).
--
-- The reconciler inserts the row (outcome RUNNING) when its pass starts and completes it at the
-- end, so a pass that dies half way stays visible as RUNNING with no finished_at.

CREATE TABLE reconcile_runs (
    id               uuid        PRIMARY KEY,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    -- REPORT_ONLY changes nothing; REPAIR enqueues and records status; REPAIR_PRUNE also deletes orphans
    mode             text        NOT NULL CHECK (mode IN ('REPORT_ONLY', 'REPAIR', 'REPAIR_PRUNE')),
    outcome          text        NOT NULL DEFAULT 'RUNNING'
                         CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    tenants_scanned  integer     NOT NULL DEFAULT 0,
    objects_scanned  integer     NOT NULL DEFAULT 0,
    api_calls        integer     NOT NULL DEFAULT 0,
    -- tenants per drift class (a tenant may be in several); orphans counts objects
    missing          integer     NOT NULL DEFAULT 0,
    spec_drift       integer     NOT NULL DEFAULT 0,
    status_drift     integer     NOT NULL DEFAULT 0,
    stuck            integer     NOT NULL DEFAULT 0,
    orphans          integer     NOT NULL DEFAULT 0,
    repairs_enqueued integer     NOT NULL DEFAULT 0,
    status_updates   integer     NOT NULL DEFAULT 0,
    orphans_pruned   integer     NOT NULL DEFAULT 0,
    -- repairs left for a later pass by max-repairs-per-pass or the cooldown
    deferred         integer     NOT NULL DEFAULT 0,
    errors           integer     NOT NULL DEFAULT 0,
    error            text
);

-- Newest first, keyset (started_at, id).
CREATE INDEX reconcile_runs_newest ON reconcile_runs (started_at DESC, id DESC);

-- The reconciler's cooldown looks up RECONCILE operations queued lately.
CREATE INDEX operations_reconcile_recent ON operations (queued_at) WHERE type = 'RECONCILE';
