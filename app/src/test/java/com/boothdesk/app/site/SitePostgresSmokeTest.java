package com.boothdesk.app.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.store.Database;

class SitePostgresSmokeTest {

    @Test
    void theSchemaMigratesOnARealPostgresql() {
        try (Database db = Database.connect(SitePostgres.freshDatabase(), SitePostgres.USER, "", 4)) {
            assertThat(db.vendor()).isEqualTo(Database.Vendor.POSTGRESQL);
            assertThat(db.shared()).isTrue();
            String v = db.read(c -> c.getMetaData().getDatabaseProductVersion());
            assertThat(v).startsWith("17.");
        }
    }
}
