-- Slipway schema, version 16: indexes for one timeline per tenant (issue 24,
-- GET /v1/tenants/{slug}/events).
--
-- The timeline is a UNION ALL over the tables that already record what happened to a tenant,
-- read newest first with a keyset cursor; each source needs an index on (tenant key, time) so a
-- page reads only about a page of rows from each, however long the tenant's history.
-- operations has one already: operations_by_tenant (tenant_id, queued_at DESC), from V1.

-- Tenant writes in the audit trail name the tenant by slug (target); the API adds the window in
-- which the slug named this tenant (a purged tenant's slug may name a newer one).
CREATE INDEX ops_audit_tenant_writes ON ops_audit (target, at DESC) WHERE action LIKE 'tenant.%';

CREATE INDEX dead_letter_outcomes_by_tenant ON dead_letter_outcomes (tenant_id, recorded_at DESC)
    WHERE tenant_id IS NOT NULL;

-- A rollout step is two events, when the rollout changed the tenant and when the tenant settled:
-- both times are written once, so a cursor position never moves.
CREATE INDEX rollout_tenants_changed ON rollout_tenants (tenant_id, changed_at DESC)
    WHERE changed_at IS NOT NULL;
CREATE INDEX rollout_tenants_settled ON rollout_tenants (tenant_id, settled_at DESC)
    WHERE settled_at IS NOT NULL;
