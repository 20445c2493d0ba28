-- Remaining spaces are kept per area (e.g. 地上 / 地下); corrections name their area.
ALTER TABLE space_adjustment ADD COLUMN area VARCHAR(32) NOT NULL DEFAULT 'main';
