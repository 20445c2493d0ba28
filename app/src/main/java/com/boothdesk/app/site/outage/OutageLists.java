package com.boothdesk.app.site.outage;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.lists.VehicleLists;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.lists.ExitCharges;

/**
 * The plate lists while the site database may be down: lookups are the lists' own (served from memory by
 * {@code ListSnapshot}, its last snapshot while the database cannot be read); a coupon lookup finds none while down
 * (the car is charged without); the writes of the car's path are journaled in order with the stays while down
 * ({@link OutageJournal}) and replayed by {@link OutageReplay}: a visitor's entry count, a coupon's deduction, coupons
 * marked used, a stored-value charge (kept pending for the exit, {@code store.lists.ExitCharges}, and journaled with
 * it by {@link OutageOrders#recordExit}; journaled at once when no exit charges are wired).
 */
public final class OutageLists implements VehicleLists {

    private static final Logger LOG = LoggerFactory.getLogger(OutageLists.class);

    private final VehicleLists site;
    private final SiteOutage outage;
    private final OutageJournal journal;
    private final ExitCharges charges;

    public OutageLists(VehicleLists site, SiteOutage outage) {
        this(site, outage, null);
    }

    /** {@code charges}: the exit's pending charges (null: a charge while down is journaled on its own). */
    public OutageLists(VehicleLists site, SiteOutage outage, ExitCharges charges) {
        this.site = site;
        this.outage = outage;
        this.journal = outage.journal();
        this.charges = charges;
    }

    @Override
    public PlateStatus lookup(String plate, Instant at) {
        return site.lookup(plate, at);
    }

    @Override
    public List<Coupon> couponsFor(String plate, String orderId, Instant at) {
        return outage.read(() -> site.couponsFor(plate, orderId, at), List::of);
    }

    @Override
    public void visitorEntered(String plate, Instant at) {
        outage.route(() -> {
            site.visitorEntered(plate, at);
            return null;
        }, () -> {
            journal.append(OutageJournal.Kind.VISITOR, plate, at, OutageCodec.fields("plate", plate, "at", at));
            LOG.info("Outage: the visitor entry of {} journaled", SafeText.plate(plate));
            return null;
        });
    }

    @Override
    public boolean chargeStoredValue(String cardId, long fen, String orderId, Instant at) {
        if (fen < 0) {
            throw new IllegalArgumentException("negative stored-value charge: " + fen + " fen");
        }
        return outage.route(() -> site.chargeStoredValue(cardId, fen, orderId, at), () -> {
            // the exit flow priced the stay with the balance the lists' snapshot holds; the site decides at the
            // replay (a balance another booth took meanwhile: charge kept, conflict for the supervisor)
            if (charges != null) {
                charges.defer(new ExitCharges.Charge(cardId, fen, orderId, at));
            } else {
                journal.append(OutageJournal.Kind.STORED_VALUE, orderId, at, OutageOrders.charge(
                        new ExitCharges.Charge(cardId, fen, orderId, at)));
            }
            LOG.info("Outage: stored-value charge of {} fen to card {} for {} kept for the journal", fen,
                    SafeText.of(cardId, 32), SafeText.of(orderId, 64));
            return true;
        });
    }

    @Override
    public boolean couponDeducted(String couponId, String orderId, long fen, Instant at) {
        return outage.route(() -> site.couponDeducted(couponId, orderId, fen, at), () -> {
            journal.append(OutageJournal.Kind.COUPON, couponId, at, OutageCodec.fields("couponId", couponId,
                    "orderId", orderId, "fen", fen, "at", at));
            LOG.info("Outage: deduction of coupon {} for {} journaled", SafeText.of(couponId, 64),
                    SafeText.of(orderId, 64));
            return true;
        });
    }

    @Override
    public void couponsUsed(List<String> couponIds, String orderId, Instant at) {
        outage.route(() -> {
            site.couponsUsed(couponIds, orderId, at);
            return null;
        }, () -> {
            journal.append(OutageJournal.Kind.COUPONS_USED, orderId, at, OutageCodec.fields("couponIds",
                    List.copyOf(couponIds), "orderId", orderId, "at", at));
            return null;
        });
    }
}
