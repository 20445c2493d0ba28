package com.boothdesk.app.store.lists;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.lists.IssuedCoupon;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.lists.Plates;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.StoredValueTrade;
import com.boothdesk.app.domain.lists.VehicleLists;
import com.boothdesk.app.domain.lists.VisitorPass;
import com.boothdesk.app.domain.lists.VisitorRecord;
import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * {@link VehicleLists} over the V10 tables. Lookups are served from memory ({@link ListSnapshot}, kept current with
 * every list write and, on a site database, with the site's {@code list_version});
 * changes run on the database writer, and a stored-value deduction writes its 2.27 uplink into the outbox in the
 * same transaction.
 */
public final class JdbcVehicleLists implements VehicleLists {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcVehicleLists.class);

    private final Database db;
    private final JdbcOutbox outbox;
    private final ZoneId zone;
    private final Clock clock;
    private final JdbcListStore store;
    private volatile Runnable uplinkStored = () -> { };

    public JdbcVehicleLists(Database db, JdbcOutbox outbox, ZoneId zone, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new JdbcListStore(clock);
        ListSnapshot.of(db, clock); // built now (at the booth's start), not on the first car's lookup
    }

    /** Called after a transaction that stored an uplink has committed (e.g. the outbox dispatcher's wake). */
    public void onUplinkStored(Runnable wake) {
        this.uplinkStored = Objects.requireNonNull(wake, "wake");
    }

    @Override
    public boolean couponDeducted(String couponId, String orderId, long fen, Instant at) {
        boolean stored = db.write(c -> CouponDeductions.record(c, store, outbox, couponId, orderId, fen, at));
        if (stored) {
            uplinkStored.run();
        }
        return stored;
    }

    /** The store used, for the sync and admin parts that share its tables. */
    public JdbcListStore store() {
        return store;
    }

    @Override
    public PlateStatus lookup(String plate, Instant at) {
        String p = Plates.normalise(plate);
        if (p.isEmpty()) {
            return PlateStatus.none(p, at);
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalDate day = local.toLocalDate();
        // from memory (ListSnapshot): no query on the lane path, and served while the database cannot be read
        ListSnapshot.PlateLists l = ListSnapshot.of(db, clock).of(p);
        List<MonthlyCard> cards = l.monthlyCards();
        Optional<MonthlyCard> monthly = cards.stream().filter(k -> k.validOn(day)).findFirst()
                .or(() -> cards.stream().findFirst());
        List<VisitorPass> passes = l.visitors().stream().map(VisitorRecord::pass).toList();
        Optional<VisitorPass> visitor = passes.stream().filter(v -> v.usableAt(at)).findFirst()
                .or(() -> passes.stream().findFirst());
        Optional<BlacklistEntry> black = l.blacklist().stream().filter(b -> b.activeAt(local)).findFirst();
        return new PlateStatus(p, at, monthly, l.white(), visitor, black, l.lock(), l.storedValue());
    }

    @Override
    public List<Coupon> couponsFor(String plate, String orderId, Instant at) {
        String p = Plates.normalise(plate);
        if (p.isEmpty()) {
            return List.of();
        }
        return db.read(c -> store.usableCoupons(c, p, orderId, at).stream().map(IssuedCoupon::coupon).toList());
    }

    @Override
    public void visitorEntered(String plate, Instant at) {
        String p = Plates.normalise(plate);
        db.write(c -> {
            Optional<VisitorRecord> pass = store.approvedVisitors(c, p).stream()
                    .filter(v -> v.pass().usableAt(at))
                    .min(Comparator.comparing(v -> v.pass().validTo()));
            if (pass.isEmpty()) {
                LOG.warn("Visitor entry of {} at {} not counted: no usable visitor pass", p, at);
                return null;
            }
            store.countVisitorEntry(c, pass.get().visitorId());
            LOG.info("Visitor {} entered with pass {} ({} entries before)", p, pass.get().visitorId(),
                    pass.get().pass().usedEntries());
            return null;
        });
    }

    @Override
    public boolean chargeStoredValue(String cardId, long fen, String orderId, Instant at) {
        if (fen < 0) {
            throw new IllegalArgumentException("negative stored-value charge: " + fen + " fen");
        }
        Objects.requireNonNull(orderId, "orderId");
        boolean[] uplink = {false};
        boolean ok = db.write(c -> {
            Charged r = charge(c, store, outbox, cardId, fen, orderId, at, false);
            uplink[0] = r == Charged.CHARGED || r == Charged.BELOW_ZERO;
            return r.paid();
        });
        if (uplink[0]) {
            uplinkStored.run();
        }
        return ok;
    }

    /** What became of a stored-value charge ({@link #charge}). */
    public enum Charged {
        /** Charged now (its 2.27 uplink stored). */
        CHARGED,
        /** The order was charged to this card already: not again. */
        ALREADY,
        /** Nothing to charge (0 fen). */
        NOTHING,
        /** No such card. */
        NO_CARD,
        /** The balance is short: not charged. */
        SHORT,
        /** Charged although the balance went below zero (a charge made while the site was down). */
        BELOW_ZERO;

        /** True when the order counts as paid by the card. */
        public boolean paid() {
            return this == CHARGED || this == ALREADY || this == NOTHING || this == BELOW_ZERO;
        }
    }

    /**
     * Charges {@code fen} to the card for {@code orderId} inside {@code c}'s transaction, once per card and order,
     * with its 2.27 uplink in the same transaction. The card's row is locked first, so two booths charging one card
     * at once are serialised and the balance test sees the other's charge. With {@code belowZero} a short balance is
     * charged anyway ({@link Charged#BELOW_ZERO}: the outage replay's rule, the car is gone); without it nothing is
     * changed ({@link Charged#SHORT}).
     */
    public static Charged charge(java.sql.Connection c, JdbcListStore store, JdbcOutbox outbox, String cardId,
                                 long fen, String orderId, Instant at, boolean belowZero) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT card_id FROM prepay_card WHERE card_id = ? FOR UPDATE")) {
            ps.setString(1, cardId);
            ps.executeQuery().close();
        }
        Optional<StoredValueAccount> card = store.findStoredValue(c, cardId);
        if (card.isEmpty()) {
            LOG.warn("Stored-value charge of {} fen for {} refused: no card {}", fen, orderId, cardId);
            return Charged.NO_CARD;
        }
        Optional<String> done = store.deductionFor(c, cardId, orderId);
        if (done.isPresent()) {
            LOG.info("Order {} was already charged to card {} (trade {}): not charged again", orderId, cardId,
                    done.get());
            return Charged.ALREADY;
        }
        boolean short_ = card.get().balanceFen() < fen;
        if (short_ && !belowZero) {
            LOG.info("Stored-value card {} has {} fen, short of {} fen for {}", cardId, card.get().balanceFen(),
                    fen, orderId);
            return Charged.SHORT;
        }
        if (fen == 0) {
            return Charged.NOTHING;
        }
        String plate = store.plateOfOrder(c, orderId)
                .orElse(card.get().plates().isEmpty() ? "" : card.get().plates().get(0));
        StoredValueTrade trade = new StoredValueTrade(store.nextTradeNo(c, "SV", at), cardId,
                StoredValueTrade.Kind.DEDUCTION, -fen, fen, "储值卡", plate, orderId, at);
        store.applyTrade(c, trade, JdbcListStore.BOOTH);
        outbox.enqueue(c, ListUplinks.prepayDeduction(trade, card.get().balanceFen() - fen),
                ListUplinks.key("prepay_card", cardId));
        LOG.info("Charged {} fen to stored-value card {} for {} (trade {}){}", fen, cardId, orderId,
                trade.tradeNo(), short_ ? ", balance now below zero" : "");
        return short_ ? Charged.BELOW_ZERO : Charged.CHARGED;
    }

    /** The database, the outbox and the after-commit wake, for the exit's one transaction ({@link ExitCharges}). */
    Database db() {
        return db;
    }

    /** The outbox its uplinks go to (the outage replay's charges and deductions). */
    public JdbcOutbox outbox() {
        return outbox;
    }

    /** Wakes the outbox's dispatcher after a transaction that stored an uplink committed. */
    public void wake() {
        uplinkStored.run();
    }

    @Override
    public void couponsUsed(List<String> couponIds, String orderId, Instant at) {
        db.write(c -> {
            for (String id : couponIds) {
                if (store.findCoupon(c, id).isEmpty()) {
                    LOG.warn("Coupon {} used by {} is unknown: nothing marked", id, orderId);
                    continue;
                }
                store.markCouponUsed(c, id, orderId, at);
            }
            return null;
        });
    }

    ZoneId zone() {
        return zone;
    }

    Clock clock() {
        return clock;
    }
}
