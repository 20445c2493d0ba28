-- 3.33 update_park_soft: the cloud's upgrade notices, remembered until the announced version runs (ops).
CREATE TABLE upgrade_notice (
    request_no     VARCHAR(64)   NOT NULL PRIMARY KEY,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    content        VARCHAR(1024) NOT NULL,
    version        VARCHAR(32),
    url            VARCHAR(512),
    booth_version  VARCHAR(32)   NOT NULL,
    installed_at   TIMESTAMP WITH TIME ZONE
);
