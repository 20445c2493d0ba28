-- site3: the lot-full rule across booths. Before a booth opens its barrier for a car that needs a free space it
-- takes a hold on one space of the lane's area; the hold counts as used until the stay is recorded (then the lane's
-- counter counts the car) or it is released or expires. Holds are taken under a row lock on the area's row in
-- space_area_lock, so two booths admitting the last space are serialised: the second sees no space left.
-- Portable SQL (H2 2.x and PostgreSQL 15+).
CREATE TABLE space_area_lock (
    area VARCHAR(32) NOT NULL PRIMARY KEY
);
CREATE TABLE space_hold (
    hold_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    area       VARCHAR(32) NOT NULL,
    booth_id   VARCHAR(32) NOT NULL,
    held_until TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX space_hold_area ON space_hold (area, held_until);
