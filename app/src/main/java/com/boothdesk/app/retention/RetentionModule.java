package com.boothdesk.app.retention;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Properties;

import com.boothdesk.app.store.Database;

/** BoothApp's wiring of the retention policy: settings from {@code boothdesk.retention.*} system properties. */
public final class RetentionModule {

    private RetentionModule() {
    }

    /** The retention of {@code <data>/db} and {@code <data>/images}; push it right after the database. */
    public static Retention create(Database db, Path data, Clock clock, ZoneId zone) {
        return new Retention(db, data.resolve("images"), RetentionSettings.from(new Properties()), clock, zone);
    }
}
