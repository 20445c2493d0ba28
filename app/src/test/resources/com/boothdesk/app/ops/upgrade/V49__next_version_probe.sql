-- Test only (UpgradeTest): the "next version" of the schema, one new column with a value derived from old data
-- and one new table, as a real release's migration would.
ALTER TABLE parking_order ADD COLUMN upgrade_probe VARCHAR(32);
UPDATE parking_order SET upgrade_probe = 'migrated:' || plate;
CREATE TABLE upgrade_probe_log (id INT PRIMARY KEY, note VARCHAR(32));
INSERT INTO upgrade_probe_log VALUES (1, 'V49 applied');
