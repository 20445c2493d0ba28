-- Vehicle lists kept in sync with the cloud (issue 5). Plates are stored normalised (trimmed, upper case) and
-- indexed; money in fen; instants WITH TIME ZONE; validity dates and daily windows in the park's local time.
CREATE SEQUENCE list_trade_seq START WITH 1;

CREATE TABLE car_type (
    car_type_id VARCHAR(24) NOT NULL PRIMARY KEY,
    name        VARCHAR(24) NOT NULL,
    sort        INT         NOT NULL DEFAULT 0,
    updated_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE collector (
    user_id    VARCHAR(24) NOT NULL PRIMARY KEY,
    name       VARCHAR(48) NOT NULL,
    sex        INT         NOT NULL DEFAULT 0,
    updated_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE park_channel (
    channel_id VARCHAR(16) NOT NULL PRIMARY KEY,
    name       VARCHAR(48) NOT NULL,
    direction  VARCHAR(8)  NOT NULL,
    lane_no    VARCHAR(24) NOT NULL DEFAULT '',
    device_no  VARCHAR(24) NOT NULL DEFAULT '',
    updated_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT park_channel_direction CHECK (direction IN ('ENTRY', 'EXIT', 'BOTH'))
);

CREATE TABLE month_package (
    package_id  VARCHAR(24)  NOT NULL PRIMARY KEY,
    name        VARCHAR(48)  NOT NULL,
    price_fen   BIGINT       NOT NULL DEFAULT 0,
    period      VARCHAR(8)   NOT NULL DEFAULT '',
    description VARCHAR(96)  NOT NULL DEFAULT '',
    car_type_id VARCHAR(24)  NOT NULL DEFAULT '',
    long_term   BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMP WITH TIME ZONE
);

-- card_id is the id used both ways with the cloud; cloud_card_id keeps the cloud's own id when the booth answered
-- a 3.7 add with card_id_local (so that a resend under the cloud's id still finds the card).
CREATE TABLE month_card (
    card_id        VARCHAR(48)  NOT NULL PRIMARY KEY,
    cloud_card_id  VARCHAR(48),
    origin         VARCHAR(8)   NOT NULL,
    owner          VARCHAR(48)  NOT NULL DEFAULT '',
    valid_from     DATE         NOT NULL,
    valid_to       DATE         NOT NULL,
    spaces         INT          NOT NULL DEFAULT 1,
    vehicle_class  VARCHAR(24)  NOT NULL DEFAULT '',
    channels       VARCHAR(255) NOT NULL DEFAULT '',
    package_id     VARCHAR(24)  NOT NULL DEFAULT '',
    tel            VARCHAR(32)  NOT NULL DEFAULT '',
    address        VARCHAR(64)  NOT NULL DEFAULT '',
    remark         VARCHAR(96)  NOT NULL DEFAULT '',
    price_fen      BIGINT       NOT NULL DEFAULT 0,
    receivable_fen BIGINT       NOT NULL DEFAULT 0,
    member_kind    INT          NOT NULL DEFAULT 1,
    updated_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT month_card_origin CHECK (origin IN ('CLOUD', 'BOOTH')),
    CONSTRAINT month_card_spaces CHECK (spaces >= 1)
);
CREATE INDEX month_card_cloud_id ON month_card (cloud_card_id);

CREATE TABLE month_card_plate (
    card_id VARCHAR(48) NOT NULL,
    plate   VARCHAR(16) NOT NULL,
    pos     INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (card_id, plate),
    CONSTRAINT month_card_plate_card FOREIGN KEY (card_id) REFERENCES month_card (card_id) ON DELETE CASCADE
);
CREATE INDEX month_card_plate_plate ON month_card_plate (plate);

CREATE TABLE month_renewal (
    trade_no       VARCHAR(64) NOT NULL PRIMARY KEY,
    card_id        VARCHAR(48) NOT NULL,
    origin         VARCHAR(8)  NOT NULL,
    paid_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    receivable_fen BIGINT      NOT NULL DEFAULT 0,
    paid_fen       BIGINT      NOT NULL DEFAULT 0,
    pay_type       VARCHAR(24) NOT NULL DEFAULT '',
    collector      VARCHAR(48) NOT NULL DEFAULT '',
    buy_months     INT         NOT NULL DEFAULT 0,
    valid_from     DATE,
    valid_to       DATE        NOT NULL,
    remark         VARCHAR(96) NOT NULL DEFAULT ''
);
CREATE INDEX month_renewal_card ON month_renewal (card_id);

CREATE TABLE white_list (
    plate      VARCHAR(16)  NOT NULL PRIMARY KEY,
    white_id   VARCHAR(24)  NOT NULL DEFAULT '',
    name       VARCHAR(48)  NOT NULL DEFAULT '',
    valid_from DATE         NOT NULL,
    valid_to   DATE         NOT NULL,
    remark     VARCHAR(128) NOT NULL DEFAULT '',
    updated_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE visitor (
    visitor_id   VARCHAR(24)  NOT NULL PRIMARY KEY,
    plate        VARCHAR(16)  NOT NULL,
    valid_from   TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to     TIMESTAMP WITH TIME ZONE NOT NULL,
    max_entries  INT          NOT NULL DEFAULT 0,
    used_entries INT          NOT NULL DEFAULT 0,
    approval     INT          NOT NULL DEFAULT 1,
    channel_id   VARCHAR(16)  NOT NULL DEFAULT '',
    mobile       VARCHAR(32)  NOT NULL DEFAULT '',
    remark       VARCHAR(255) NOT NULL DEFAULT '',
    CONSTRAINT visitor_entries CHECK (max_entries >= 0 AND used_entries >= 0)
);
CREATE INDEX visitor_plate ON visitor (plate);

-- valid_from/valid_to and the daily window are local times of the park; weekdays as ISO numbers "1,2,5" ('' = all)
CREATE TABLE blacklist (
    black_uuid   VARCHAR(48)  NOT NULL PRIMARY KEY,
    plate        VARCHAR(16)  NOT NULL,
    reason       VARCHAR(96)  NOT NULL DEFAULT '',
    operator     VARCHAR(24)  NOT NULL DEFAULT '',
    valid_from   TIMESTAMP,
    valid_to     TIMESTAMP,
    window_start TIME,
    window_end   TIME,
    weekdays     VARCHAR(16)  NOT NULL DEFAULT '',
    updated_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX blacklist_plate ON blacklist (plate);

CREATE TABLE car_lock (
    order_id  VARCHAR(48) NOT NULL PRIMARY KEY,
    plate     VARCHAR(16) NOT NULL,
    lock_key  VARCHAR(8)  NOT NULL DEFAULT '',
    locked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by VARCHAR(24) NOT NULL DEFAULT ''
);
CREATE INDEX car_lock_plate ON car_lock (plate);

CREATE TABLE prepay_card (
    card_id     VARCHAR(48) NOT NULL PRIMARY KEY,
    name        VARCHAR(48) NOT NULL DEFAULT '',
    mobile      VARCHAR(32) NOT NULL DEFAULT '',
    balance_fen BIGINT      NOT NULL DEFAULT 0,
    car_type_id VARCHAR(24) NOT NULL DEFAULT '',
    remark      VARCHAR(96) NOT NULL DEFAULT '',
    updated_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE prepay_card_plate (
    card_id VARCHAR(48) NOT NULL,
    plate   VARCHAR(16) NOT NULL,
    pos     INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (card_id, plate),
    CONSTRAINT prepay_card_plate_card FOREIGN KEY (card_id) REFERENCES prepay_card (card_id) ON DELETE CASCADE
);
CREATE INDEX prepay_card_plate_plate ON prepay_card_plate (plate);

-- One deduction per card and stay: charging an order again takes nothing twice.
CREATE TABLE prepay_trade (
    trade_no   VARCHAR(64) NOT NULL PRIMARY KEY,
    card_id    VARCHAR(48) NOT NULL,
    kind       VARCHAR(12) NOT NULL,
    origin     VARCHAR(8)  NOT NULL,
    amount_fen BIGINT      NOT NULL,
    actual_fen BIGINT      NOT NULL DEFAULT 0,
    pay_type   VARCHAR(24) NOT NULL DEFAULT '',
    plate      VARCHAR(16) NOT NULL DEFAULT '',
    order_id   VARCHAR(48),
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT prepay_trade_kind CHECK (kind IN ('TOP_UP', 'REFUND', 'DEDUCTION')),
    CONSTRAINT prepay_trade_once UNIQUE (card_id, order_id)
);
CREATE INDEX prepay_trade_card ON prepay_trade (card_id);

CREATE TABLE coupon (
    ticket_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    plate         VARCHAR(16)  NOT NULL,
    order_id      VARCHAR(48)  NOT NULL DEFAULT '',
    ticket_type   INT          NOT NULL,
    kind          VARCHAR(8)   NOT NULL,
    amount        BIGINT       NOT NULL DEFAULT 0,
    valid_until   TIMESTAMP WITH TIME ZONE,
    multi_use     BOOLEAN      NOT NULL DEFAULT FALSE,
    shop_name     VARCHAR(48)  NOT NULL DEFAULT '',
    remark        VARCHAR(96)  NOT NULL DEFAULT '',
    status        VARCHAR(8)   NOT NULL DEFAULT 'NEW',
    used_order_id VARCHAR(48),
    used_at       TIMESTAMP WITH TIME ZONE,
    received_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT coupon_kind CHECK (kind IN ('FULL', 'TIME', 'PERCENT', 'AMOUNT')),
    CONSTRAINT coupon_status CHECK (status IN ('NEW', 'USED'))
);
CREATE INDEX coupon_plate ON coupon (plate, status);

CREATE TABLE tariff_sync (
    price_id    VARCHAR(24)  NOT NULL PRIMARY KEY,
    car_type    VARCHAR(24)  NOT NULL DEFAULT '',
    description VARCHAR(255) NOT NULL DEFAULT '',
    deleted     BOOLEAN      NOT NULL DEFAULT FALSE,
    received_at TIMESTAMP WITH TIME ZONE
);
