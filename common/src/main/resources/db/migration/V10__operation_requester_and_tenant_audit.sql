-- Slipway schema, version 10: who asked for each operation, and tenant writes in the audit log
-- (issue 22).
--
-- An operation records the issuer and subject of the JWT that asked for it. Operations from before
-- this version, and those queued without a caller (the reconciler's repairs), keep NULL: the API
-- shows their requester as unknown.
ALTER TABLE operations
    ADD COLUMN requested_by_issuer  text,
    ADD COLUMN requested_by_subject text;

-- Tenant writes (create, update, start, stop, rotate-token, delete) are audited next to the ops
-- actions. They carry no reason, so reason becomes optional; issuer is NULL for records written
-- before this version and for ops actions, which record the subject only.
ALTER TABLE ops_audit
    ADD COLUMN issuer text,
    ALTER COLUMN reason DROP NOT NULL;
