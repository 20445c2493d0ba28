-- A manual barrier movement keeps its evidence picture; pictures to upload may belong to a lift event (2.12 liftrod).
ALTER TABLE gate_event ADD COLUMN image VARCHAR(255);
ALTER TABLE picture_upload ADD COLUMN source VARCHAR(8) NOT NULL DEFAULT 'order';
ALTER TABLE picture_upload DROP CONSTRAINT picture_upload_side;
ALTER TABLE picture_upload ALTER COLUMN in_or_out SET NULL;
