package com.boothdesk.app.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.boothdesk.app.site.SitePostgres;

/**
 * Which database a store test runs on: the embedded H2 file in the test's temporary folder, or a database of its own
 * on the real PostgreSQL server the tests start from the Maven artifact ({@link SitePostgres}). The same store tests
 * run on both: each test class opens its database through a {@code TestStore} field, and its {@code …OnPostgresTest}
 * subclass sets it to {@link #postgres()}. Opening "the same folder" again reconnects to the same PostgreSQL database,
 * so the reopen-and-check tests mean the same on both.
 */
public abstract class TestStore {

    public abstract Database open(Path dir);

    /** True for the embedded H2 file. */
    public abstract boolean embedded();

    public static TestStore h2() {
        return new TestStore() {
            @Override
            public Database open(Path dir) {
                return Database.open(dir);
            }

            @Override
            public boolean embedded() {
                return true;
            }
        };
    }

    /** A fresh PostgreSQL database per folder, kept for this store's life. */
    public static TestStore postgres() {
        return new TestStore() {
            private final Map<Path, String> urls = new HashMap<>();

            @Override
            public synchronized Database open(Path dir) {
                String url = urls.computeIfAbsent(dir.toAbsolutePath(), d -> SitePostgres.freshDatabase());
                return Database.connect(url, SitePostgres.USER, "", 8);
            }

            @Override
            public boolean embedded() {
                return false;
            }
        };
    }
}
