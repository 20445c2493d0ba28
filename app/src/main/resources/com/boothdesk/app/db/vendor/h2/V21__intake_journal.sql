-- Camera reads written before the camera is answered, until their lane decided them (then deleted).
CREATE TABLE intake_journal (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    lane_id     VARCHAR(16)  NOT NULL,
    plate       VARCHAR(64)  NOT NULL,
    color       INT          NOT NULL,
    confidence  INT          NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    source      VARCHAR(64)  NOT NULL,
    offline     BOOLEAN      NOT NULL
);
CREATE INDEX intake_journal_lane ON intake_journal (lane_id, id);
