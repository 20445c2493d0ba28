-- Several booths on one database (a site's PostgreSQL): each row is delivered by the booth that holds its claim.
-- claimed_by is the booth that wrote the row (or took it over); a booth renews its liveness in sdk_outbox_claimant
-- each time it looks for work while connected to the cloud, and the rows of a booth whose liveness has lapsed are
-- taken over by a connected one. Rows from before this migration (NULL) belong to whoever claims them first.
-- Portable SQL (H2 2.x and PostgreSQL 15+).
ALTER TABLE sdk_outbox ADD COLUMN claimed_by VARCHAR(48);

CREATE TABLE sdk_outbox_claimant (
    claimant    VARCHAR(48) NOT NULL PRIMARY KEY,
    alive_until BIGINT      NOT NULL
);

CREATE INDEX sdk_outbox_claim_ix ON sdk_outbox (claimed_by, status);
