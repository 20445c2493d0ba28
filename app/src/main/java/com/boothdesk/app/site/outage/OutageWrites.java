package com.boothdesk.app.site.outage;

import java.time.Clock;
import java.util.function.Supplier;

import com.boothdesk.app.payment.PaymentStore;
import com.boothdesk.app.store.Database;

/**
 * The payment module's writes while the site database is down ({@link PaymentStore.WhileDown}, kept with the
 * database so that the payment store finds it): routed by {@link SiteOutage#route} as the stays are, journaled as
 * {@link OutageJournal.Kind#PAYMENT} in order with them, replayed by {@link PaymentStore#replay}.
 */
final class OutageWrites implements PaymentStore.WhileDown {

    private final SiteOutage outage;
    private final OutageJournal journal;
    private final Clock clock;

    OutageWrites(SiteOutage outage, OutageJournal journal, Clock clock) {
        this.outage = outage;
        this.journal = journal;
        this.clock = clock;
    }

    /** Keeps this booth's seam with the site database (the first one made for it stays). */
    static void register(Database db, SiteOutage outage, OutageJournal journal, Clock clock) {
        db.shared(PaymentStore.WhileDown.class, d -> new OutageWrites(outage, journal, clock));
    }

    @Override
    public <T> T route(Supplier<T> site, Supplier<T> local) {
        return outage.route(site, local);
    }

    @Override
    public <T> T read(Supplier<T> site, Supplier<T> local) {
        return outage.read(site, local);
    }

    @Override
    public boolean journal(String ref, String body) {
        return journal.inTransaction(c -> {
            if (ref != null && OutageJournal.waiting(c, OutageJournal.Kind.PAYMENT, ref)) {
                return false;
            }
            OutageJournal.append(c, OutageJournal.Kind.PAYMENT, ref, clock.instant(), body);
            return true;
        });
    }
}
