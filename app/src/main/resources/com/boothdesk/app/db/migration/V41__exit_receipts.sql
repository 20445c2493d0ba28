-- Cash receipts at the exit (shiftops): what was printed, so that a receipt can be reprinted from the order as it
-- was (the itemised fee as shown, the cash tendered, the change) and every print is counted.
CREATE TABLE exit_receipt (
    order_id     VARCHAR(48)   NOT NULL PRIMARY KEY,
    made_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    plate        VARCHAR(16)   NOT NULL,
    in_time      TIMESTAMP WITH TIME ZONE,
    out_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    lines_json   VARCHAR(4000) NOT NULL,
    due_fen      BIGINT        NOT NULL,
    paid_fen     BIGINT        NOT NULL,
    tendered_fen BIGINT        NOT NULL,
    attendant    VARCHAR(64)   NOT NULL,
    prints       INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT exit_receipt_money CHECK (due_fen >= 0 AND paid_fen >= 0 AND tendered_fen >= 0)
);
