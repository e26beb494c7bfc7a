-- Slipway schema, version 19: the tenant listing filtered by phase reads a page of rows, not a
-- scan of the slug index for the matching ones (docs/benchmarks.md, P7).
--
-- GET /v1/tenants?phase=FAILED is the listing ops use to find broken tenants, and FAILED is rare:
-- at 100,000 tenants with 2 % FAILED a page read about 2,600 rows through tenants_slug_live,
-- and a phase on 0.1 % of them would read about 51,000. With the phase first, a page is a keyset
-- range inside one phase, in the listing's (slug, id) order, as tenants_by_plan does for plans.
CREATE INDEX tenants_by_phase ON tenants (phase, slug, id);
