-- A slug names a tenant's Kubernetes objects, so it may be reused only once the tenant that held it
-- is fully deleted (phase DELETED: its objects are gone). Until then the old tenant's deletion and
-- the new tenant's creation would race on the same object names.
ALTER TABLE tenants DROP CONSTRAINT tenants_slug_key;
CREATE UNIQUE INDEX tenants_slug_live ON tenants (slug) WHERE phase <> 'DELETED';
CREATE INDEX tenants_slug_all ON tenants (slug, created_at DESC);
