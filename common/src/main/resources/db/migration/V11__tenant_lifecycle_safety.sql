-- Slipway schema, version 11: tenant lifecycle safety (issue 24). Soft delete with a grace period,
-- restore, purge, deletion protection and suspension. (V10 is left free for concurrent changes.)
--
-- desired_state gains OFFLINE: the workload scaled to zero and no Ingress, the Secret, Deployment
-- and Service kept. The worker and the reconciler converge on it like any other desired state. A
-- tenant is OFFLINE while it is soft-deleted or suspended; resume_state keeps the state (RUNNING or
-- STOPPED) it returns to when restored or resumed, so it comes back as it was.
ALTER TABLE tenants DROP CONSTRAINT tenants_desired_state_check;
ALTER TABLE tenants ADD CONSTRAINT tenants_desired_state_check
    CHECK (desired_state IN ('RUNNING', 'STOPPED', 'OFFLINE', 'DELETED'));

ALTER TABLE tenants
    ADD COLUMN resume_state        text CHECK (resume_state IN ('RUNNING', 'STOPPED')),
    -- soft delete: when, and from when the purge sweep may remove it for good
    ADD COLUMN deleted_at          timestamptz,
    ADD COLUMN purge_after         timestamptz,
    -- when a purge was queued (desired_state DELETED from then on); the slug is free again once
    -- the worker has removed the objects (phase DELETED, see V3)
    ADD COLUMN purged_at           timestamptz,
    ADD COLUMN suspended_at        timestamptz,
    ADD COLUMN suspension_reason   text,
    -- set: DELETE and purge answer 409 with this reason
    ADD COLUMN deletion_protection text,
    ADD CONSTRAINT tenants_offline_resumes
        CHECK (desired_state <> 'OFFLINE' OR resume_state IS NOT NULL),
    ADD CONSTRAINT tenants_deleted_purge_after
        CHECK ((deleted_at IS NULL) = (purge_after IS NULL));

-- The purge sweep: soft-deleted tenants past their grace period, oldest first.
CREATE INDEX tenants_purge_due ON tenants (purge_after)
    WHERE deleted_at IS NOT NULL AND purged_at IS NULL;

ALTER TABLE operations DROP CONSTRAINT operations_type_check;
ALTER TABLE operations ADD CONSTRAINT operations_type_check
    CHECK (type IN ('CREATE', 'UPDATE', 'START', 'STOP', 'DELETE', 'ROTATE_TOKEN', 'RECONCILE',
                    'SOFT_DELETE', 'RESTORE', 'SUSPEND', 'RESUME'));

-- Tenants deleted before soft delete existed were removed for good: they read as purged.
UPDATE tenants SET purged_at = updated_at WHERE desired_state = 'DELETED';
