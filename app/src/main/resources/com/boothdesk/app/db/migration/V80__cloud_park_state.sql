-- proto (issue 12): what the cloud tells the booth about the park itself, and the pass-through messages it relays.
-- Portable SQL (H2 2.x and PostgreSQL 15+).

-- 3.35 park_valid: the park's licence end, and whatever other single facts the cloud sets (one row each).
CREATE TABLE cloud_park_state (
    state_key   VARCHAR(64)  NOT NULL PRIMARY KEY,
    state_value VARCHAR(512) NOT NULL,
    updated_at  TIMESTAMP    NOT NULL
);

-- 3.22 pass_through: kept as received (the cloud "只做透传"); keyed by uuid so a resend is one row.
CREATE TABLE cloud_pass_through (
    uuid        VARCHAR(64)   NOT NULL PRIMARY KEY,
    trade_no    VARCHAR(64),
    body        VARCHAR(4000) NOT NULL,
    received_at TIMESTAMP     NOT NULL
);
