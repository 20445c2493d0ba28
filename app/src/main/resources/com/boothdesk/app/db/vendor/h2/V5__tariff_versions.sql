-- Every tariff the booth has priced with, from when it was in force: a stay is priced by the tariff in force at
-- its entry, even when the site changed the tariff while the car was inside.
CREATE TABLE tariff_version (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    tariff_id      VARCHAR(64) NOT NULL,
    effective_from TIMESTAMP WITH TIME ZONE NOT NULL,
    json           CLOB        NOT NULL
);
