-- multi (issue 16): the cars inside per entry lane, kept in the same transaction as each entry and exit by atomic
-- increments (UPDATE ... SET inside = inside + 1), so that booths sharing one database count the lot exactly without
-- reading and writing back a number. Remaining spaces of an area = its capacity - the cars of its lanes + its
-- corrections (space_adjustment). Seeded from the orders. Portable SQL (H2 2.x and PostgreSQL 15+).
CREATE TABLE lot_lane_count (
    lane_id VARCHAR(16) NOT NULL PRIMARY KEY,
    inside  INT         NOT NULL
);
INSERT INTO lot_lane_count (lane_id, inside)
    SELECT entry_lane, COUNT(*) FROM parking_order WHERE status = 'IN_LOT' GROUP BY entry_lane;

-- Work that every booth of a site receives but the site must do once (a list downlink the cloud sends to each
-- booth's login): the first booth to insert its key does it, in the same transaction.
CREATE TABLE site_once (
    once_key VARCHAR(128) NOT NULL PRIMARY KEY,
    booth_id VARCHAR(48)  NOT NULL,
    done_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
