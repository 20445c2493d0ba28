package com.boothdesk.app.site.outage;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.lists.VehicleLists;
import com.boothdesk.app.domain.plate.SafeText;

/**
 * The plate lists while the site database may be down: lookups are the lists' own (served from memory by
 * {@code ListSnapshot}, its last snapshot while the database cannot be read); what needs the database (coupons,
 * stored value, a visitor's entry count) is skipped while down, said in the log: the car is charged without it.
 */
public final class OutageLists implements VehicleLists {

    private static final Logger LOG = LoggerFactory.getLogger(OutageLists.class);

    private final VehicleLists site;
    private final SiteOutage outage;

    public OutageLists(VehicleLists site, SiteOutage outage) {
        this.site = site;
        this.outage = outage;
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
        outage.read(() -> {
            site.visitorEntered(plate, at);
            return null;
        }, () -> {
            LOG.warn("Outage: the visitor entry of {} is not counted on its pass", SafeText.plate(plate));
            return null;
        });
    }

    @Override
    public boolean chargeStoredValue(String cardId, long fen, String orderId, Instant at) {
        return outage.read(() -> site.chargeStoredValue(cardId, fen, orderId, at), () -> {
            LOG.warn("Outage: stored value of card {} not charged for {} (the exit is paid otherwise)",
                    SafeText.of(cardId, 32), orderId);
            return false;
        });
    }

    @Override
    public boolean couponDeducted(String couponId, String orderId, long fen, Instant at) {
        return outage.read(() -> site.couponDeducted(couponId, orderId, fen, at), () -> false);
    }

    @Override
    public void couponsUsed(List<String> couponIds, String orderId, Instant at) {
        outage.read(() -> {
            site.couponsUsed(couponIds, orderId, at);
            return null;
        }, () -> null);
    }
}
