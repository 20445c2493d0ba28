package com.boothdesk.sdk.testsupport;

import com.boothdesk.sdk.outbox.OutboxSchema;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/** A real H2 file database with the outbox migration applied, the way the application sets it up. */
public final class TestDb {

    private TestDb() {
    }

    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("booth").toAbsolutePath() + ";WRITE_DELAY=0";
    }

    /** A pooled DataSource, as the application provides (an unpooled H2 file database reopens on every call). */
    public static JdbcConnectionPool pool(String url) {
        return JdbcConnectionPool.create(url, "sa", "");
    }

    public static DataSource migrated(Path dir) {
        JdbcConnectionPool ds = pool(url(dir));
        Flyway.configure().dataSource(ds).locations(OutboxSchema.LOCATION).table(OutboxSchema.HISTORY_TABLE)
                .load().migrate();
        return ds;
    }
}
