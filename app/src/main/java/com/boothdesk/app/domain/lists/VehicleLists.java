package com.boothdesk.app.domain.lists;

import java.time.Instant;
import java.util.List;

import com.boothdesk.app.domain.fee.Coupon;

/**
 * Everything the local lists (monthly cards, white list, visitors, blacklist, locks, stored-value cards, coupons)
 * say about a plate. Local data only and fast: it is called on every plate read, also while the cloud is away.
 * Plates are compared normalised (trimmed, upper case), see {@link Plates#normalise(String)}.
 */
public interface VehicleLists {

    /** Everything known about {@code plate} at {@code at}; {@link PlateStatus#none} parts when nothing is listed. */
    PlateStatus lookup(String plate, Instant at);

    /** Coupons (3.12 deliver_ticket) usable for this stay, not yet used, not expired at {@code at}. */
    List<Coupon> couponsFor(String plate, String orderId, Instant at);

    /** A visitor pass was used for an entry (count limits): the pass usable at {@code at} counts one more entry. */
    void visitorEntered(String plate, Instant at);

    /**
     * Takes money from a stored-value card at exit; false if the balance is short (nothing is taken then) or the
     * card is unknown. Charging the same order twice takes the money once. Uploads per protocol (2.27).
     */
    boolean chargeStoredValue(String cardId, long fen, String orderId, Instant at);

    /**
     * A coupon took {@code fen} off a settled stay: it is marked used and the deduction is uploaded (2.29). False
     * when the coupon is unknown or was used already (nothing uploaded again).
     */
    boolean couponDeducted(String couponId, String orderId, long fen, Instant at);

    /** Marks coupons used by a settled stay (a multi-use coupon stays usable until it expires). */
    void couponsUsed(List<String> couponIds, String orderId, Instant at);
}
