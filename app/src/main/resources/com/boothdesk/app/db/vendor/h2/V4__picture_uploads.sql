-- Entry and exit pictures waiting to go up as 2.12 pictures over HTTP; written with the order, sent later.
CREATE TABLE picture_upload (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id      VARCHAR(48)  NOT NULL,
    in_or_out     VARCHAR(3)   NOT NULL,
    image_ref     VARCHAR(255) NOT NULL,
    plate         VARCHAR(16),
    taken_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(8)   NOT NULL DEFAULT 'PENDING',
    attempts      INT          NOT NULL DEFAULT 0,
    next_attempt  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error    VARCHAR(255),
    CONSTRAINT picture_upload_status CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT picture_upload_side CHECK (in_or_out IN ('in', 'out'))
);
CREATE INDEX picture_upload_due ON picture_upload (status, next_attempt);
