-- Slipway schema, version 8: dead-letter operations (replay and purge jobs), the per-message ledger
-- that makes them crash safe, and the audit trail of every ops action.

-- One replay or purge of dead letters. A job runs in one API process at a time: the process that
-- runs it refreshes heartbeat_at; a RUNNING job whose heartbeat is stale (its process died) is
-- claimed and resumed by another. Counts are recomputed from dead_letter_outcomes, so a resumed
-- job continues them instead of counting twice.
CREATE TABLE ops_jobs (
    id              uuid             PRIMARY KEY,
    action          text             NOT NULL CHECK (action IN ('REPLAY', 'PURGE')),
    -- replays only: REDERIVE (fresh operation from the current desired state) or RESEND
    mode            text             CHECK (mode IN ('REDERIVE', 'RESEND')),
    requested_by    text             NOT NULL,
    reason          text             NOT NULL,
    filter          jsonb            NOT NULL,
    max_count       integer          NOT NULL CHECK (max_count >= 1),
    -- messages per second; NULL: as fast as the queue answers
    rate_per_second double precision CHECK (rate_per_second > 0),
    status          text             NOT NULL DEFAULT 'RUNNING' CHECK (status IN
                        ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    total           integer          NOT NULL DEFAULT 0,
    done            integer          NOT NULL DEFAULT 0,
    skipped         integer          NOT NULL DEFAULT 0,
    failed          integer          NOT NULL DEFAULT 0,
    last_error      text,
    created_at      timestamptz      NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    heartbeat_at    timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX ops_jobs_running ON ops_jobs (heartbeat_at) WHERE status = 'RUNNING';

-- What a job did with each dead letter, written before the DLQ copy is deleted: a re-run finds a
-- message already replayed (by any job) and only deletes its DLQ copy. REPLAYED rows carry the
-- replacement (operation_id for REDERIVE, sent_message_id for RESEND).
CREATE TABLE dead_letter_outcomes (
    job_id          uuid        NOT NULL REFERENCES ops_jobs (id),
    message_id      text        NOT NULL,
    outcome         text        NOT NULL CHECK (outcome IN
                        ('REPLAYED', 'ALREADY_REPLAYED', 'SKIPPED', 'PURGED')),
    tenant_id       uuid,
    operation_id    uuid,
    sent_message_id text,
    detail          text,
    recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (job_id, message_id)
);

-- At most one replacement per dead letter, whatever jobs run.
CREATE UNIQUE INDEX dead_letter_outcomes_replayed ON dead_letter_outcomes (message_id)
    WHERE outcome = 'REPLAYED';

-- Every ops action: who (token subject), when, what (action, target, filter), why, counts, outcome.
CREATE TABLE ops_audit (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target      text,
    filter      jsonb,
    reason      text        NOT NULL,
    counts      jsonb       NOT NULL DEFAULT '{}',
    outcome     text        NOT NULL
);

CREATE INDEX ops_audit_newest ON ops_audit (at DESC, id DESC);
