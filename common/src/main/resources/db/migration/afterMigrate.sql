-- Least-privilege database roles (issue 22), re-applied after every migration (a Flyway callback,
-- not a versioned migration: this file is the one list of each service's rights, so changing it
-- changes them at the next start of the api-service, and a table a migration adds is readable or
-- writable by the worker or the reconciler only once it is listed here).
--
-- Runs as the schema owner, the api-service's role (slipway_api), which runs Flyway and owns every
-- table. The other roles are created outside the schema (docs/deploy.md#database-roles; the local
-- stack and the tests create them too: deploy/local EmbeddedPostgresServer): a role that does not
-- exist is skipped, so a database without them still migrates. Every right is revoked first, so
-- the grants below are the whole of what each role may do.
--
-- The rights follow each service's SQL:
--   provisioner-worker (repository.CommandStore, OperationStore, TenantStore; service-common's
--   TenantRows and StoredTokens): reads tenants and operations; writes a tenant's status columns
--   and an operation's progress.
--   reconciler-job (scan.DatabaseScanner, repair.RepairStore, run.RunRecorder; service-common's
--   OutboxWriter): reads tenants, operations and the outbox; queues RECONCILE operations with their
--   outbox rows; supersedes stuck operations; repairs a tenant's observed status; records its runs
--   and keeps its per-tenant repair back-off.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'slipway_worker') THEN
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM slipway_worker;
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM slipway_worker;
        GRANT USAGE ON SCHEMA public TO slipway_worker;
        GRANT SELECT ON tenants, operations TO slipway_worker;
        GRANT UPDATE (phase, observed_generation, ready_replicas, conditions, last_error,
                      status_updated_at, updated_at) ON tenants TO slipway_worker;
        GRANT UPDATE (status, attempts, started_at, finished_at, last_error)
            ON operations TO slipway_worker;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'slipway_reconciler') THEN
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM slipway_reconciler;
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM slipway_reconciler;
        GRANT USAGE ON SCHEMA public TO slipway_reconciler;
        GRANT SELECT ON tenants, operations, outbox, reconcile_runs TO slipway_reconciler;
        GRANT INSERT ON operations, outbox TO slipway_reconciler;
        GRANT USAGE ON SEQUENCE outbox_id_seq TO slipway_reconciler;
        -- SELECT ... FOR UPDATE of a tenant (RepairStore) needs UPDATE on one of its columns.
        GRANT UPDATE (phase, ready_replicas, conditions, status_updated_at, updated_at)
            ON tenants TO slipway_reconciler;
        GRANT UPDATE (status, finished_at, last_error) ON operations TO slipway_reconciler;
        GRANT INSERT, UPDATE ON reconcile_runs TO slipway_reconciler;
        -- the per-tenant repair back-off (V18, repair.RepairBackoffStore): read, upsert, expire
        GRANT SELECT, INSERT, UPDATE, DELETE ON repair_backoff TO slipway_reconciler;
    END IF;
END
$$;
