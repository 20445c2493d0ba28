-- lane4 (issue 10): the plate lists are served from memory (ListSnapshot). Every change of a list that a lookup
-- reads bumps this one row in the change's own transaction, so a booth on a shared site database sees that another
-- booth changed a list by reading one number, and rebuilds its snapshot only then.
CREATE TABLE list_version (
    id      INT    NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO list_version (id, version) VALUES (1, 0);
