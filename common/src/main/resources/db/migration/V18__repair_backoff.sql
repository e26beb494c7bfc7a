-- Slipway schema, version 18: the reconciler's per-tenant repair back-off (reconciler-job,
-- dev.slipway.reconciler.repair.RepairBackoffStore; the rule is dev.slipway.common.retry
-- .RepairBackoff).
--
-- One row per tenant the reconciler repaired lately: how many repairs in a row found the tenant
-- drifted again, and when the last was queued. A drift that returns waits twice as long after
-- each repair (capped), so a webhook or controller fighting Slipway cannot make it loop; in the
-- database, because the job runs as a CronJob (a process per pass) and the back-off must outlive
-- it. Rows past the back-off's reset are deleted by the pass that finds them.

CREATE TABLE repair_backoff (
    tenant_id   uuid        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    repairs     integer     NOT NULL CHECK (repairs >= 1),
    repaired_at timestamptz NOT NULL
);
