-- Orders (one row per stay) and barrier movements. Times are stored with their zone; money in fen.
CREATE SEQUENCE order_seq START WITH 1;

CREATE TABLE parking_order (
    order_id       VARCHAR(48)  NOT NULL PRIMARY KEY,
    plate          VARCHAR(16)  NOT NULL,
    car_type       VARCHAR(16)  NOT NULL,
    entry_lane     VARCHAR(16)  NOT NULL,
    in_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    entry_operator VARCHAR(24),
    entry_image    VARCHAR(255),
    status         VARCHAR(16)  NOT NULL,
    exit_lane      VARCHAR(16),
    out_time       TIMESTAMP WITH TIME ZONE,
    due_fen        BIGINT       NOT NULL DEFAULT 0,
    paid_fen       BIGINT       NOT NULL DEFAULT 0,
    pay_method     VARCHAR(16),
    exit_operator  VARCHAR(24),
    exit_image     VARCHAR(255),
    remark         VARCHAR(255),
    CONSTRAINT parking_order_status CHECK (status IN ('IN_LOT', 'CLOSED', 'SUPERSEDED')),
    CONSTRAINT parking_order_money CHECK (due_fen >= 0 AND paid_fen >= 0)
);
CREATE INDEX parking_order_plate_status ON parking_order (plate, status);
CREATE INDEX parking_order_status_in ON parking_order (status, in_time);

CREATE TABLE gate_event (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    lane_id   VARCHAR(16) NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    action    VARCHAR(8)  NOT NULL,
    cause     VARCHAR(24) NOT NULL,
    operator  VARCHAR(24) NOT NULL,
    order_id  VARCHAR(48),
    reason    VARCHAR(255)
);
CREATE INDEX gate_event_at ON gate_event (at);
