-- What the barrier's device confirmed for each recorded command (card ACK, camera reply sent, or failed).
ALTER TABLE gate_event ADD COLUMN outcome VARCHAR(16) NOT NULL DEFAULT 'SENT';
ALTER TABLE gate_event ADD COLUMN outcome_detail VARCHAR(200);
ALTER TABLE gate_event ALTER COLUMN action SET DATA TYPE VARCHAR(24);
