-- Gateway tokens at rest (issue 22). tenants.gateway_token now holds the token sealed by envelope
-- encryption (token-keys module: "sealed:v1:<kek id>:<wrapped data key>:<ciphertext>"), and
-- token_key_id names the key-encryption key its data key is wrapped with. A row written before
-- this migration has token_key_id NULL and its token in clear until the API's token-key job seals
-- it (TokenKeyJob); rotation re-wraps every row whose token_key_id is not the current KEK, so the
-- column is also the job's progress: resuming means selecting again.
ALTER TABLE tenants ADD COLUMN token_key_id text;
COMMENT ON COLUMN tenants.gateway_token IS
    'sealed gateway token (clear only while token_key_id IS NULL, before the one-time job)';
CREATE INDEX tenants_token_key ON tenants (token_key_id);

-- A stored response that carries a token (create, rotate-token) is sealed the same way: body then
-- holds the sealed JSON and body_key_id the KEK. NULL: body in clear (no secret in it), or a row
-- from before this migration, which the same job seals when it holds a token.
ALTER TABLE idempotency_keys ADD COLUMN body_key_id text;
