-- Slipway schema, version 9: namespace sharding (issue 10). Kubernetes is tested to about 2,000
-- Deployments per namespace, so tenants are spread over a configured set of namespaces. Each tenant
-- is given one when it is created; it is recorded here and never changed by Slipway (moving a
-- tenant would mean removing its gateway from one namespace and creating it in another).
--
-- Every tenant from before sharding lives in the one namespace configured then, which is the first
-- entry of the API's slipway.api.tenant-namespaces (Flyway placeholder tenant_namespaces, set in
-- the API's application.properties; default: tenants). It is the column default, so the existing
-- rows are backfilled with it (PostgreSQL stores a non-volatile default once instead of rewriting
-- the table), and so is a row inserted by an older API during a rolling upgrade.
ALTER TABLE tenants
    ADD COLUMN namespace text NOT NULL
        DEFAULT btrim(split_part('${tenant_namespaces}', ',', 1))
        CONSTRAINT tenants_namespace_dns_label
            CHECK (namespace ~ '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$');
