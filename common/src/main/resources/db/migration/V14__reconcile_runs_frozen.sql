-- Slipway schema, version 14: a reconcile pass records how many drifted tenants it left unrepaired
-- because an admin froze them (V13 tenants.frozen_at): their drift is only reported.
ALTER TABLE reconcile_runs ADD COLUMN frozen_skipped integer NOT NULL DEFAULT 0;
