package com.boothdesk.app.store.lists;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.lists.IssuedCoupon;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/** A coupon used by a stay: marked used and its deduction uploaded (2.29), once, inside the caller's transaction. */
public final class CouponDeductions {

    private static final Logger LOG = LoggerFactory.getLogger(CouponDeductions.class);

    private CouponDeductions() {
    }

    /** True when the deduction was recorded and its uplink stored; false for an unknown or already used coupon. */
    public static boolean record(Connection c, JdbcListStore store, JdbcOutbox outbox, String ticketId,
                                 String orderId, long deductionFen, Instant now) throws SQLException {
        Optional<IssuedCoupon> k = store.findCoupon(c, ticketId);
        if (k.isEmpty()) {
            LOG.warn("Deduction by unknown coupon {} for {} not uploaded", ticketId, orderId);
            return false;
        }
        if (store.couponUsed(c, ticketId)) {
            LOG.info("Coupon {} was already used: deduction for {} not uploaded again", ticketId, orderId);
            return false;
        }
        store.markCouponUsed(c, ticketId, orderId, now);
        if (ticketId.startsWith("pay_notice:")) { // proto2: a 3.25/3.36 reduction of the cloud's, no coupon of its
            return true;
        }
        outbox.enqueue(c, ListUplinks.ticketDeduction(ticketId, k.get().plate(), k.get().shopName(), orderId,
                now, deductionFen, k.get().remark()), ListUplinks.key("ticket", ticketId));
        return true;
    }
}
