-- Slipway schema, version 20: the tenant listing filtered by a label reads a page of rows, not a
-- scan of the slug index for the matching ones (docs/benchmarks.md, P7).
--
-- The GIN index of V13 answers "which tenants carry these labels" but not in the listing's (slug,
-- id) order, so a page went down tenants_slug_live testing each row: at 100,000 tenants a label on
-- 2 % of them read about 2,300 rows a page, and a label on 0.1 % would read about 51,000. Here each
-- label of each tenant is a row, indexed by (key, value, slug, id): a page is a keyset range inside
-- one label, as tenants_by_plan (V5) and tenants_by_phase (V19) give for plans and phases.
--
-- Kept by triggers, so no writer of tenants.labels can forget it: the API writes labels (create,
-- PATCH, rollouts' selectors only read them); the worker and the reconciler never update labels or
-- slug, so their updates do not fire the trigger. Column names do not repeat the tenants table's:
-- the listing joins the two and selects the tenants' columns unqualified.
CREATE TABLE tenant_labels (
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    label_key    text NOT NULL,
    label_value  text NOT NULL,
    tenant_slug  text NOT NULL,
    PRIMARY KEY (tenant_id, label_key)
);

CREATE INDEX tenant_labels_by_label ON tenant_labels (label_key, label_value, tenant_slug, tenant_id);

INSERT INTO tenant_labels (tenant_id, label_key, label_value, tenant_slug)
SELECT t.id, l.key, l.value, t.slug FROM tenants t, jsonb_each_text(t.labels) l;

CREATE FUNCTION tenant_labels_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tenant_labels WHERE tenant_id = NEW.id;
    INSERT INTO tenant_labels (tenant_id, label_key, label_value, tenant_slug)
    SELECT NEW.id, l.key, l.value, NEW.slug FROM jsonb_each_text(NEW.labels) l;
    RETURN NULL;
END
$$;

CREATE TRIGGER tenant_labels_on_insert AFTER INSERT ON tenants
    FOR EACH ROW WHEN (NEW.labels <> '{}'::jsonb) EXECUTE FUNCTION tenant_labels_sync();

CREATE TRIGGER tenant_labels_on_update AFTER UPDATE OF labels, slug ON tenants
    FOR EACH ROW WHEN (OLD.labels IS DISTINCT FROM NEW.labels OR OLD.slug IS DISTINCT FROM NEW.slug)
    EXECUTE FUNCTION tenant_labels_sync();
