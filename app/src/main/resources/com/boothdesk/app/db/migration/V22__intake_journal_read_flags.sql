-- What the camera said about a read besides its text: it gave no time of its own (an offline re-push whose clock
-- was lost), its plate type says no plate. A read replayed after a crash keeps them, so it is decided the same way.
ALTER TABLE intake_journal ADD COLUMN camera_time_unknown BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE intake_journal ADD COLUMN no_plate_type BOOLEAN DEFAULT FALSE NOT NULL;
