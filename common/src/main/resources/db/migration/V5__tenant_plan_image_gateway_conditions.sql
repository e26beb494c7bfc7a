-- Slipway schema, version 5: plans, pinned image versions, gateway limits and status conditions.
--
-- sizing and gateway_config are JSON written by the API and read by the worker and the reconciler
-- (dev.slipway.common.model.TenantJson): a copy of the plan's values at the time it was chosen, so
-- editing the catalogue never resizes a running tenant by itself. The defaults are what tenants
-- created before plans existed were given: seed 000's single replica and requests/limits.

ALTER TABLE tenants
    ADD COLUMN plan           text  NOT NULL DEFAULT 'small',
    ADD COLUMN sizing         jsonb NOT NULL DEFAULT
        '{"plan":"small","replicas":1,"resources":{"cpuRequest":"50m","memoryRequest":"64Mi","cpuLimit":"250m","memoryLimit":"256Mi"},"autoscaling":null}',
    -- gateway image tag pinned for this tenant; NULL runs the platform's image
    ADD COLUMN image_version  text,
    -- NULL (tenants from before plans): the conservative defaults of GatewayConfig.defaults(slug)
    ADD COLUMN gateway_config jsonb,
    -- observed conditions (type, status, reason, message, lastTransitionTime), written by the worker
    ADD COLUMN conditions     jsonb NOT NULL DEFAULT '[]';

-- GET /v1/tenants?plan=... pages in slug order within a plan.
CREATE INDEX tenants_by_plan ON tenants (plan, slug, id);
