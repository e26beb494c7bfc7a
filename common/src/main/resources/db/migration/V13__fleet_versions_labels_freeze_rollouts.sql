-- Slipway schema, version 13: the fleet's defaults as versioned records, tenant labels, freeze, and
-- rollouts (issue 23). V14-V19 are left free for concurrent changes.
--
-- fleet_versions: the fleet default gateway image version and default gateway config. A version is
-- written by the API's bootstrap (version 1, from the tag of slipway.fleet.image, when the table is
-- empty) and afterwards only by a rollout; changing a service's configuration never re-renders a
-- tenant. promoted_at: when the version became the default that new tenants get (the newest
-- promoted version is the default).
CREATE TABLE fleet_versions (
    version        integer     PRIMARY KEY CHECK (version >= 1),
    image_version  text        NOT NULL,
    -- JSON merge patch (RFC 7386) over a plan's gateway config, given to new tenants
    gateway_config jsonb       NOT NULL DEFAULT '{}',
    reason         text        NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    rollout_id     uuid,
    promoted_at    timestamptz
);

-- A tenant follows the fleet (image_version NULL: fleet_version says which version it runs) or is
-- pinned (image_version set, as before). fleet_image_version is the image version of its
-- fleet_version, copied so that rendering needs no join; both move together, only by a rollout or
-- at create. NULL fleet_version: a row from before V13, rendered with the tag of slipway.fleet.image
-- until the bootstrap assigns version 1.
ALTER TABLE tenants
    ADD COLUMN fleet_version       integer REFERENCES fleet_versions (version),
    ADD COLUMN fleet_image_version text,
    -- user-defined labels (Kubernetes label syntax), for selecting tenants
    ADD COLUMN labels              jsonb   NOT NULL DEFAULT '{}',
    -- frozen: skipped by rollouts and bulk operations; the reconciler only reports its drift
    ADD COLUMN frozen_at           timestamptz,
    ADD COLUMN frozen_by           text,
    ADD COLUMN frozen_reason       text,
    ADD CONSTRAINT tenants_frozen_reason CHECK ((frozen_at IS NULL) = (frozen_reason IS NULL));

CREATE INDEX tenants_labels ON tenants USING gin (labels jsonb_path_ops);
CREATE INDEX tenants_by_fleet_version ON tenants (fleet_version);

-- One rollout or bulk operation. It runs as a durable job in one API process at a time (the one
-- whose heartbeat is fresh); a RUNNING rollout with a stale heartbeat is resumed by another process
-- from these rows, never applying a wave twice nor skipping a gate.
CREATE TABLE rollouts (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('ROLLOUT', 'BULK')),
    target          jsonb       NOT NULL,
    selector        jsonb       NOT NULL,
    strategy        jsonb       NOT NULL,
    reason          text        NOT NULL,
    requested_by    text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PLANNED', 'RUNNING', 'PAUSED',
                        'SUCCEEDED', 'HALTED', 'ROLLED_BACK', 'ABORTED')),
    -- the fleet version this rollout moves tenants to (image or gateway config targets)
    fleet_version   integer     REFERENCES fleet_versions (version),
    -- index into the waves (0: the canary when there is one); the wave in progress or next
    current_wave    integer     NOT NULL DEFAULT 0,
    wave_started_at timestamptz,
    bake_until      timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    heartbeat_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX rollouts_active ON rollouts (heartbeat_at) WHERE status IN ('RUNNING', 'PAUSED');

-- Each tenant of a rollout: its wave, the spec it had before (for rollback), the generation the
-- change produced, and its outcome.
CREATE TABLE rollout_tenants (
    rollout_id        uuid        NOT NULL REFERENCES rollouts (id),
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    wave              integer     NOT NULL CHECK (wave >= 0),
    before            jsonb       NOT NULL,
    target_generation bigint,
    state             text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING',
                          'CHANGING', 'READY', 'FAILED', 'ROLLED_BACK', 'SKIPPED')),
    detail            text,
    changed_at        timestamptz,
    settled_at        timestamptz,
    -- true while the rollout may still change this tenant; cleared when the rollout ends
    active            boolean     NOT NULL DEFAULT true,
    PRIMARY KEY (rollout_id, tenant_id)
);

-- Only one rollout may change a given tenant at a time.
CREATE UNIQUE INDEX rollout_tenants_one_active ON rollout_tenants (tenant_id) WHERE active;
CREATE INDEX rollout_tenants_by_wave ON rollout_tenants (rollout_id, wave, state);
