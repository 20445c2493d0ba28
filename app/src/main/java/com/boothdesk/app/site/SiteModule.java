package com.boothdesk.app.site;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.StoreSettings;
import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * The booth's place in its site, wired from BoothApp with two lines: which database it keeps its records in (the
 * embedded H2 file of a single booth, or the site's shared PostgreSQL server: {@code store.url}) and the outbox with
 * this booth's claim on the messages it writes ({@code booth.id}, {@code store.outbox_takeover_seconds}); on a site
 * database also the booth's {@link SpaceHolds} (the last spaces taken under a row lock across the booths).
 */
public final class SiteModule {

    private static final Logger LOG = LoggerFactory.getLogger(SiteModule.class);

    private SiteModule() {
    }

    /** Opens the database the configuration names. */
    public static Database openStore(BoothConfig config) {
        StoreSettings s = StoreSettings.from(config);
        Path data = config.dataDir().toAbsolutePath();
        Database db = Database.open(s, data);
        if (db.shared()) {
            LOG.info("Booth {} keeps its records in the site database {} (shared with the site's other booths)",
                    config.boothId(), db.description());
        }
        return db;
    }

    /** The outbox of this booth: its own messages are its own to deliver until it has been gone too long. */
    public static JdbcOutbox outbox(Database db, BoothConfig config, Clock clock) {
        StoreSettings s = StoreSettings.from(config);
        SiteOnce.register(db, config.boothId(), clock); // list downlinks applied once per site (ListSync)
        SpaceHolds.register(db, config, clock); // the lot-full rule across booths (JdbcParkSpaces.hold)
        return new JdbcOutbox(db.dataSource(), clock, config.boothId(), s.outboxLease());
    }
}
