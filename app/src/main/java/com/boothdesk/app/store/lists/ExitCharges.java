package com.boothdesk.app.store.lists;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.VehicleLists;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.OrderUplinks;
import com.boothdesk.app.store.StoreException;

/**
 * A stored-value charge at the exit and the exit record in <b>one transaction</b> (H2 and PostgreSQL alike).
 *
 * <p>The exit flow asks the lanes' lists to charge the card ({@link VehicleLists#chargeStoredValue}) and then records
 * the exit ({@code OrderRepository.recordExit}). Made as two transactions, a failure between them (the exit's write
 * refused, the booth killed) left the card charged and the car inside, and the attendant's retry then saw a stay
 * still to be paid. Here the lanes' charge is only checked and kept as <i>pending</i> ({@link #atExit}); the order
 * store's uplink hook ({@link #around}, called inside the exit's transaction, before it commits) applies it there,
 * with its 2.27 uplink. A rollback of the exit rolls the charge back too; the pending charge stays for the retry,
 * which applies it once ({@link JdbcVehicleLists#charge}: once per card and order).
 *
 * <p>A pending charge is for one exit attempt: it is applied only to the exit of its order at the same instant (the
 * exit flow charges and closes with the same read's time); an exit of the order at another instant (a later attempt
 * paid otherwise) drops it uncharged. While the site database is down the outage mode takes it ({@link #take}) into
 * its journal with the exit, in one local transaction.
 */
public final class ExitCharges implements OrderUplinks {

    private static final Logger LOG = LoggerFactory.getLogger(ExitCharges.class);

    /** A charge checked at the exit, applied with the exit's record. */
    public record Charge(String cardId, long fen, String orderId, Instant at) {
    }

    private final OrderUplinks next;
    private final Map<String, Charge> pending = new ConcurrentHashMap<>();
    private volatile JdbcVehicleLists lists;

    private ExitCharges(OrderUplinks next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    /**
     * The order store's uplinks with the exit's stored-value charge applied in the exit's transaction; kept with
     * the database so that the lanes' lists ({@link #atExit}) find it.
     */
    public static OrderUplinks around(Database db, OrderUplinks next) {
        ExitCharges mine = new ExitCharges(next);
        ExitCharges kept = db.shared(ExitCharges.class, d -> mine);
        if (kept != mine) {
            LOG.warn("Exit charges already wired on {}: the first order store's is used", db.description());
        }
        return kept;
    }

    /** The charges kept with this database, if the order store was wired with {@link #around}. */
    public static Optional<ExitCharges> of(Database db) {
        return db.sharedIfMade(ExitCharges.class);
    }

    /**
     * The lanes' lists: {@code lists} with the stored-value charge deferred into the exit's transaction. Without
     * {@link #around} on its database, {@code lists} itself (the charge then commits on its own, as before).
     */
    public static VehicleLists atExit(JdbcVehicleLists lists) {
        Optional<ExitCharges> charges = of(lists.db());
        if (charges.isEmpty()) {
            LOG.warn("No exit charges wired on {}: a stored-value charge commits apart from the exit",
                    lists.db().description());
            return lists;
        }
        charges.get().lists = lists;
        return new Deferring(lists, charges.get());
    }

    /** The charges behind the lanes' lists made by {@link #atExit} (empty for any other lists). */
    public static Optional<ExitCharges> behind(VehicleLists lanes) {
        return lanes instanceof Deferring d ? Optional.of(d.charges()) : Optional.empty();
    }

    /** The site's lists the charges are applied with (null until {@link #atExit}). */
    public JdbcVehicleLists lists() {
        return lists;
    }

    /** A pending charge older than this (by its exit's time) belongs to an exit abandoned long ago: dropped. */
    static final java.time.Duration STALE = java.time.Duration.ofDays(1);

    /** Keeps a charge for the exit of its order (replacing an earlier attempt's). */
    public void defer(Charge charge) {
        pending.put(charge.orderId(), charge);
        if (pending.size() > 64) {
            // a car whose exit was abandoned (it left through another booth, the attendant let it out otherwise)
            Instant before = charge.at().minus(STALE);
            pending.values().removeIf(c -> c.at().isBefore(before));
        }
    }

    /** Takes the pending charge of this exit (order and instant), if any: the outage journal records it instead. */
    public Optional<Charge> take(String orderId, Instant at) {
        Charge c = pending.get(orderId);
        if (c == null || !Objects.equals(c.at(), at)) {
            return Optional.empty();
        }
        pending.remove(orderId, c);
        return Optional.of(c);
    }

    /** Charges waiting for their exit (tests). */
    public int pending() {
        return pending.size();
    }

    @Override
    public void entered(Connection txn, ParkingOrder order, int emptySpaces) throws SQLException {
        next.entered(txn, order, emptySpaces);
    }

    @Override
    public void exited(Connection txn, ParkingOrder order, int emptySpaces) throws SQLException {
        Charge ch = pending.get(order.orderId());
        if (ch != null) {
            if (!Objects.equals(ch.at(), order.outTime())) {
                pending.remove(order.orderId(), ch);
                LOG.info("Stored-value charge of {} fen for {} dropped: the stay left at another attempt ({})",
                        ch.fen(), order.orderId(), order.outTime());
            } else {
                JdbcVehicleLists l = lists;
                JdbcVehicleLists.Charged r = JdbcVehicleLists.charge(txn, l.store(), l.outbox(), ch.cardId(),
                        ch.fen(), ch.orderId(), ch.at(), false);
                if (!r.paid()) {
                    // another booth took the balance since the check: neither the charge nor the exit is recorded
                    throw new StoreException("储值卡 " + SafeText.of(ch.cardId(), 32) + " 余额不足，出场未记录 /"
                            + " stored-value card " + SafeText.of(ch.cardId(), 32) + " cannot pay "
                            + ch.fen() + " fen for " + SafeText.of(ch.orderId(), 64) + " (" + r
                            + "): the exit is not recorded", null);
                }
                if (r == JdbcVehicleLists.Charged.CHARGED) {
                    Database.afterCommit(l::wake);
                }
                Database.afterCommit(() -> pending.remove(order.orderId(), ch));
            }
        }
        next.exited(txn, order, emptySpaces);
    }

    @Override
    public void corrected(Connection txn, String oldPlate, ParkingOrder corrected) throws SQLException {
        next.corrected(txn, oldPlate, corrected);
    }

    @Override
    public void committed() {
        next.committed();
    }

    /** The lanes' lists: every call the site's, the stored-value charge checked now and applied with the exit. */
    static final class Deferring implements VehicleLists {

        private final JdbcVehicleLists lists;
        private final ExitCharges charges;

        Deferring(JdbcVehicleLists lists, ExitCharges charges) {
            this.lists = lists;
            this.charges = charges;
        }

        ExitCharges charges() {
            return charges;
        }

        @Override
        public PlateStatus lookup(String plate, Instant at) {
            return lists.lookup(plate, at);
        }

        @Override
        public List<Coupon> couponsFor(String plate, String orderId, Instant at) {
            return lists.couponsFor(plate, orderId, at);
        }

        @Override
        public void visitorEntered(String plate, Instant at) {
            lists.visitorEntered(plate, at);
        }

        /** Checks the card now (known, not yet charged for the order, balance enough); the charge waits for the exit. */
        @Override
        public boolean chargeStoredValue(String cardId, long fen, String orderId, Instant at) {
            if (fen < 0) {
                throw new IllegalArgumentException("negative stored-value charge: " + fen + " fen");
            }
            Objects.requireNonNull(orderId, "orderId");
            JdbcListStore store = lists.store();
            return lists.db().read(c -> {
                Optional<StoredValueAccount> card = store.findStoredValue(c, cardId);
                if (card.isEmpty()) {
                    LOG.warn("Stored-value charge of {} fen for {} refused: no card {}", fen, orderId,
                            SafeText.of(cardId, 32));
                    return false;
                }
                if (store.deductionFor(c, cardId, orderId).isPresent()) {
                    return true; // charged already (an earlier attempt that committed): not again
                }
                if (card.get().balanceFen() < fen) {
                    LOG.info("Stored-value card {} has {} fen, short of {} fen for {}", SafeText.of(cardId, 32),
                            card.get().balanceFen(), fen, orderId);
                    return false;
                }
                charges.defer(new Charge(cardId, fen, orderId, at));
                return true;
            });
        }

        @Override
        public boolean couponDeducted(String couponId, String orderId, long fen, Instant at) {
            return lists.couponDeducted(couponId, orderId, fen, at);
        }

        @Override
        public void couponsUsed(List<String> couponIds, String orderId, Instant at) {
            lists.couponsUsed(couponIds, orderId, at);
        }
    }
}
