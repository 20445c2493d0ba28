-- outage: the journal entries of a booth (written while the site database was down) whose replay has no key of its
-- own in the site's tables (a visitor's entry count, a coupon's deduction, a stored-value charge, a payment module
-- write): the replay inserts (booth_id, journal_seq) in the transaction of the write it replays, so a replay run
-- again after a crash between that commit and the journal's mark applies nothing twice.
-- Portable SQL (H2 2.x and PostgreSQL 15+).
CREATE TABLE outage_applied (
    booth_id    VARCHAR(32) NOT NULL,
    journal_seq BIGINT      NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT outage_applied_once PRIMARY KEY (booth_id, journal_seq)
);
