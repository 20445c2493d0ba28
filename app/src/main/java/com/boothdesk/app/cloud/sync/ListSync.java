package com.boothdesk.app.cloud.sync;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/** Applies the cloud's list downlinks to the local lists and answers each per protocol. */
public final class ListSync {

    private final Database db;
    private final JdbcOutbox outbox;
    private final ZoneId zone;
    private final Clock clock;

    public ListSync(Database db, JdbcOutbox outbox, ZoneId zone, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** As the other constructor, in the clock's zone. */
    public ListSync(Database db, JdbcOutbox outbox, Clock clock) {
        this(db, outbox, clock.getZone(), clock);
    }

    /** Installs the list handlers. */
    public void register(DownlinkRouter router) {
        Objects.requireNonNull(router, "router");
    }
}
