-- Attendants, their shifts and the handover (issue 11). Passwords only as salted PBKDF2 hashes, never in clear.
-- The people themselves are the collector table (V10, fed by 3.8 collector_sync and 2.4 uploads); this table holds
-- what only the booth knows of them: the role, the credential and the lock-out state.
CREATE TABLE staff_account (
    user_id        VARCHAR(24)  NOT NULL PRIMARY KEY,
    role           VARCHAR(16)  NOT NULL,
    -- pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>; NULL until the person sets a booth password
    credential     VARCHAR(160),
    failed_logins  INT          NOT NULL DEFAULT 0,
    locked_until   TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT staff_account_role CHECK (role IN ('ATTENDANT', 'SUPERVISOR', 'ADMIN'))
);

-- The live log-in of an account (one per account). A row left by a crash is taken over by the next log-in.
CREATE TABLE staff_session (
    user_id     VARCHAR(24) NOT NULL PRIMARY KEY,
    workstation VARCHAR(48) NOT NULL,
    instance    VARCHAR(36) NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One shift per attendant and log-in period; at most one open shift per workstation (checked by the service).
CREATE TABLE staff_shift (
    shift_id    VARCHAR(24) NOT NULL PRIMARY KEY,
    user_id     VARCHAR(24) NOT NULL,
    workstation VARCHAR(48) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    closed_by   VARCHAR(24),
    CONSTRAINT staff_shift_span CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX staff_shift_open ON staff_shift (workstation, ended_at);
CREATE INDEX staff_shift_started ON staff_shift (started_at);

-- An order's money belongs to the shift in which its exit was settled: stamped when the shift closes (in the
-- closing transaction) from exit_operator and out_time; while the shift is open it is found by the same rule.
ALTER TABLE parking_order ADD COLUMN shift_id VARCHAR(24);
CREATE INDEX parking_order_shift ON parking_order (shift_id);
CREATE INDEX parking_order_out ON parking_order (exit_operator, out_time);

-- The handover of a shift (换班): the totals as they were at the end, the counted cash and the difference.
CREATE TABLE shift_handover (
    shift_id        VARCHAR(24)  NOT NULL PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    outgoing        VARCHAR(24)  NOT NULL,
    incoming        VARCHAR(24),
    expected_cash   BIGINT       NOT NULL,
    counted_cash    BIGINT,
    difference_fen  BIGINT,
    denominations   VARCHAR(255),
    remark          VARCHAR(255),
    totals_json     VARCHAR(8000) NOT NULL,
    closed_by       VARCHAR(24)  NOT NULL
);

-- What a supervisor confirmed, with whom and when.
CREATE TABLE supervisor_confirmation (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    supervisor  VARCHAR(24)  NOT NULL,
    attendant   VARCHAR(24),
    amount_fen  BIGINT       NOT NULL DEFAULT 0,
    subject     VARCHAR(128)
);

-- Each print of a shift report: the first is the original, every later one is a reprint.
CREATE TABLE report_print (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    shift_id   VARCHAR(24) NOT NULL,
    printed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    printed_by VARCHAR(24),
    target     VARCHAR(16) NOT NULL
);
CREATE INDEX report_print_shift ON report_print (shift_id);
