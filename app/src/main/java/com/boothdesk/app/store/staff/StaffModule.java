package com.boothdesk.app.store.staff;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.staff.PasswordHasher;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.domain.staff.StaffSettings;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * The attendants-and-shifts part of the booth, built by {@code BoothApp}: the H2 store and the service, and the
 * operator the lanes book every order, gate event and upload to.
 *
 * <p>The operator: the attendant logged in; nobody (null, the lanes then refuse money and manual barrier actions)
 * once the booth is set up (an admin exists). A booth that was never set up (the demo, an upgrade from the version
 * before log-in) keeps the configured {@code booth.operator} until its first admin is created.
 */
public final class StaffModule {

    private static final Logger LOG = LoggerFactory.getLogger(StaffModule.class);

    private final JdbcStaffStore store;
    private final StaffService service;
    private final String legacyOperator;
    private volatile boolean setUp;

    private StaffModule(JdbcStaffStore store, StaffService service, String legacyOperator) {
        this.store = store;
        this.service = service;
        this.legacyOperator = legacyOperator == null || legacyOperator.isBlank() ? null : legacyOperator.trim();
        this.setUp = !service.needsFirstAdmin();
    }

    public static StaffModule open(Database db, JdbcOutbox outbox, StaffSettings settings, Clock clock,
                                   String workstation, String legacyOperator) {
        Objects.requireNonNull(settings, "settings");
        JdbcStaffStore store = new JdbcStaffStore(db, outbox, new JdbcListStore(clock),
                new StaffUplinks(settings.handoverServiceName()));
        StaffService service = new StaffService(store, settings, settings.iterations() >= PasswordHasher.MIN_ITERATIONS
                ? PasswordHasher.of(settings.iterations()) : PasswordHasher.forTests(settings.iterations()),
                clock, workstation);
        StaffModule m = new StaffModule(store, service, legacyOperator);
        if (!m.setUp) {
            LOG.warn("No admin account yet: orders are booked to booth.operator '{}' until the first admin is created"
                    + " (first-run wizard or ./boothdesk account create-admin)", m.legacyOperator);
        }
        return m;
    }

    public StaffService service() {
        return service;
    }

    public JdbcStaffStore store() {
        return store;
    }

    /** Wakes the outbox dispatcher after each shift / account uplink. */
    public void onUplinkStored(Runnable wake) {
        store.onUplinkStored(wake);
    }

    /** For {@code LaneServices}: the attendant on duty, as described in the class comment. */
    public Supplier<String> operator() {
        Supplier<String> onDuty = service.operator();
        return () -> {
            String who = onDuty.get();
            if (who != null) {
                return who;
            }
            if (!setUp && !service.needsFirstAdmin()) {
                setUp = true;
            }
            return setUp ? null : legacyOperator;
        };
    }
}
