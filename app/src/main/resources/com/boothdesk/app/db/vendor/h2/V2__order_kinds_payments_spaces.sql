-- What kind of car a stay is, how it was paid, and why it was free; remaining-space adjustments.
ALTER TABLE parking_order ADD COLUMN car_kind VARCHAR(16) NOT NULL DEFAULT 'TEMPORARY';
ALTER TABLE parking_order ADD COLUMN card_id VARCHAR(48);
ALTER TABLE parking_order ADD COLUMN prepaid_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE parking_order ADD COLUMN prepaid_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE parking_order ADD COLUMN discount_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE parking_order ADD COLUMN free_reason VARCHAR(64);
-- the plate as read at the exit, when the stay was found by a fuzzy match or a correction
ALTER TABLE parking_order ADD COLUMN exit_plate_read VARCHAR(16);
ALTER TABLE parking_order ADD CONSTRAINT parking_order_prepaid CHECK (prepaid_fen >= 0 AND discount_fen >= 0);

-- every prepayment notice once (the cloud resends them), keyed by its trade number
CREATE TABLE prepayment (
    trade_no   VARCHAR(64)  NOT NULL PRIMARY KEY,
    order_id   VARCHAR(48)  NOT NULL,
    amount_fen BIGINT       NOT NULL,
    paid_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    received   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX prepayment_order ON prepayment (order_id);

-- manual corrections of the remaining-space count (the count itself is capacity - cars in the lot + adjustments)
CREATE TABLE space_adjustment (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    delta     INT          NOT NULL,
    reason    VARCHAR(128) NOT NULL,
    operator  VARCHAR(24)  NOT NULL
);
