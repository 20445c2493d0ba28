package com.boothdesk.app.cloud.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.lists.CarType;
import com.boothdesk.app.domain.lists.Collector;
import com.boothdesk.app.domain.lists.IssuedCoupon;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthPackage;
import com.boothdesk.app.domain.lists.MonthRenewal;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.ParkChannel;
import com.boothdesk.app.domain.lists.Plates;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.StoredValueTrade;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.lists.CouponDeductions;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.app.store.lists.JdbcVehicleLists;
import com.boothdesk.app.store.lists.ListUplinks;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * Changes made at the booth (the admin screens) to the lists: each writes the list row AND its cloud uplink into
 * the outbox in ONE transaction, so that the cloud hears of every change exactly once, in order per row, even
 * across a crash. A save is an add (operate_type 1) when the row is new and a modify (2) otherwise; a delete of a
 * row that is not there changes nothing and uploads nothing.
 *
 * <p>Uplinks: 2.4 collectors, 2.8 month-card packages, 2.10 month members, 2.13 renewals, 2.14 lanes, 2.15
 * blacklist, 2.16 car types, 2.25 stored-value cards, 2.26 top-ups, 2.27 deductions, 2.29 coupon deductions, 2.35
 * internal cars (2.25, 2.27 and 2.35 names are inferred, see {@link ListUplinks}).
 */
public final class ListAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(ListAdmin.class);

    private final Database db;
    private final JdbcOutbox outbox;
    private final ZoneId zone;
    private final Clock clock;
    private final JdbcListStore store;
    private final JdbcVehicleLists lists;
    private volatile Runnable uplinkStored = () -> { };

    public ListAdmin(Database db, JdbcOutbox outbox, ZoneId zone, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new JdbcListStore(clock);
        this.lists = new JdbcVehicleLists(db, outbox, zone, clock);
    }

    /** Called after each committed change (e.g. the outbox dispatcher's wake, so it sends at once). */
    public void onUplinkStored(Runnable wake) {
        this.uplinkStored = Objects.requireNonNull(wake, "wake");
        lists.onUplinkStored(wake);
    }

    @FunctionalInterface
    private interface Change<T> {
        T run(Connection c, Instant now) throws SQLException;
    }

    private <T> T change(Change<T> work) {
        Instant now = clock.instant();
        T result = db.write(c -> work.run(c, now));
        uplinkStored.run();
        return result;
    }

    private static String id(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value.trim();
    }

    private static String plate(String raw) {
        String p = Plates.normalise(raw);
        if (p.isEmpty() || p.length() > 16) {
            throw new IllegalArgumentException("not a plate: '" + raw + "'");
        }
        return p;
    }

    // ---- 2.4 collectors ---------------------------------------------------------------------------------------

    public void saveCollector(Collector x) {
        Collector v = new Collector(id(x.userId(), "user_id"), x.name(), x.sex());
        change((c, now) -> {
            boolean existed = store.findCollector(c, v.userId()).isPresent();
            store.saveCollector(c, v);
            outbox.enqueue(c, ListUplinks.collector(v, existed ? ListUplinks.MODIFY : ListUplinks.ADD, now),
                    ListUplinks.key("collector", v.userId()));
            return null;
        });
        LOG.info("Collector {} {} saved", v.userId(), v.name());
    }

    public boolean deleteCollector(String userId) {
        return change((c, now) -> {
            Optional<Collector> x = store.findCollector(c, userId);
            if (x.isEmpty()) {
                return false;
            }
            store.deleteCollector(c, userId);
            outbox.enqueue(c, ListUplinks.collector(x.get(), ListUplinks.DELETE, now),
                    ListUplinks.key("collector", userId));
            return true;
        });
    }

    // ---- 2.8 month-card packages ------------------------------------------------------------------------------

    public void savePackage(MonthPackage p) {
        id(p.packageId(), "package_id");
        if (p.priceFen() < 0) {
            throw new IllegalArgumentException("negative package price: " + p.priceFen());
        }
        change((c, now) -> {
            boolean existed = store.findPackage(c, p.packageId()).isPresent();
            store.savePackage(c, p);
            outbox.enqueue(c, ListUplinks.monthPackage(p, existed ? ListUplinks.MODIFY : ListUplinks.ADD, now),
                    ListUplinks.key("month_package", p.packageId()));
            return null;
        });
    }

    public boolean deletePackage(String packageId) {
        return change((c, now) -> {
            Optional<MonthPackage> p = store.findPackage(c, packageId);
            if (p.isEmpty()) {
                return false;
            }
            store.deletePackage(c, packageId);
            outbox.enqueue(c, ListUplinks.monthPackage(p.get(), ListUplinks.DELETE, now),
                    ListUplinks.key("month_package", packageId));
            return true;
        });
    }

    // ---- 2.10 month members -----------------------------------------------------------------------------------

    /** Adds or modifies a monthly card made at the booth; its card_id is then used both ways (notes §3.7). */
    public void saveMonthMember(MonthMember m) {
        MonthlyCard in = m.card();
        List<String> plates = in.plates().stream().map(ListAdmin::plate).distinct().toList();
        if (plates.isEmpty()) {
            throw new IllegalArgumentException("a monthly card needs at least one plate");
        }
        if (in.validTo().isBefore(in.validFrom())) {
            throw new IllegalArgumentException("card " + in.cardId() + " ends before it starts");
        }
        MonthlyCard card = new MonthlyCard(id(in.cardId(), "card_id"), plates, in.owner(), in.validFrom(),
                in.validTo(), in.spaces(), in.vehicleClass(), in.channels());
        MonthMember member = new MonthMember(card, m.packageId(), m.tel(), m.address(), m.remark(), m.priceFen(),
                m.receivableFen(), m.memberKind());
        change((c, now) -> {
            Optional<MonthMember> old = store.findMonthMember(c, card.cardId());
            boolean existed = old.isPresent() && old.get().card().cardId().equals(card.cardId());
            store.saveMonthMember(c, member, existed ? JdbcListStore.CLOUD : JdbcListStore.BOOTH, null);
            outbox.enqueue(c, ListUplinks.monthMember(member, existed ? ListUplinks.MODIFY : ListUplinks.ADD, now,
                    zone), ListUplinks.key("month_member", card.cardId()));
            return null;
        });
        LOG.info("Monthly card {} {} saved, valid {}..{}", card.cardId(), plates, card.validFrom(), card.validTo());
    }

    public boolean deleteMonthMember(String cardId) {
        return change((c, now) -> {
            Optional<MonthMember> m = store.findMonthMember(c, cardId);
            if (m.isEmpty() || !m.get().card().cardId().equals(cardId)) {
                return false;
            }
            store.deleteMonthMember(c, cardId);
            outbox.enqueue(c, ListUplinks.monthMember(m.get(), ListUplinks.DELETE, now, zone),
                    ListUplinks.key("month_member", cardId));
            return true;
        });
    }

    // ---- 2.13 renewals ----------------------------------------------------------------------------------------

    /**
     * Renews a card at the booth until {@code validTo}; the renewal gets a booth-made trade_no.
     *
     * @return the renewal recorded and uploaded
     * @throws IllegalArgumentException when the card is unknown or the amounts are negative
     */
    public MonthRenewal renewMonthCard(String cardId, LocalDate validTo, long receivableFen, long paidFen,
                                      String payType, String collector, int buyMonths, String remark) {
        if (receivableFen < 0 || paidFen < 0) {
            throw new IllegalArgumentException("negative renewal amount");
        }
        MonthRenewal r = change((c, now) -> {
            MonthlyCard card = store.findMonthMember(c, cardId).map(MonthMember::card)
                    .orElseThrow(() -> new IllegalArgumentException("no monthly card " + cardId));
            LocalDate today = java.time.LocalDateTime.ofInstant(now, zone).toLocalDate();
            LocalDate from = card.validTo().isBefore(today) ? today : card.validTo().plusDays(1);
            if (validTo.isBefore(from)) {
                from = card.validFrom();
            }
            MonthRenewal renewal = new MonthRenewal(store.nextTradeNo(c, "MR", now), card.cardId(), now,
                    receivableFen, paidFen, payType, collector, buyMonths, from, validTo, remark);
            store.insertRenewal(c, renewal, JdbcListStore.BOOTH);
            store.setMonthValidity(c, card.cardId(), null, validTo);
            outbox.enqueue(c, ListUplinks.monthRenewal(renewal, card.plates().isEmpty() ? "" : card.plates().get(0),
                    zone), ListUplinks.key("month_member", card.cardId()));
            return renewal;
        });
        LOG.info("Monthly card {} renewed until {} ({} fen paid, trade {})", cardId, validTo, paidFen, r.tradeNo());
        return r;
    }

    // ---- 2.14 lanes -------------------------------------------------------------------------------------------

    public void saveChannel(ParkChannel ch) {
        id(ch.channelId(), "channel_id");
        change((c, now) -> {
            boolean existed = store.findChannel(c, ch.channelId()).isPresent();
            store.saveChannel(c, ch);
            outbox.enqueue(c, ListUplinks.gate(ch, existed ? ListUplinks.MODIFY : ListUplinks.ADD),
                    ListUplinks.key("gate", ch.channelId()));
            return null;
        });
    }

    public boolean deleteChannel(String channelId) {
        return change((c, now) -> {
            Optional<ParkChannel> ch = store.findChannel(c, channelId);
            if (ch.isEmpty()) {
                return false;
            }
            store.deleteChannel(c, channelId);
            outbox.enqueue(c, ListUplinks.gate(ch.get(), ListUplinks.DELETE), ListUplinks.key("gate", channelId));
            return true;
        });
    }

    // ---- 2.15 blacklist ---------------------------------------------------------------------------------------

    /**
     * Adds or modifies a blacklist entry; an entry without id gets a booth-made black_uuid (no Chinese characters,
     * as 2.15 requires). The daily window and weekdays stay local: the protocol has no field for them.
     *
     * @return the entry as stored (with its id)
     */
    public BlacklistEntry saveBlacklist(BlacklistEntry b, String operator) {
        String plate = plate(b.plate());
        return change((c, now) -> {
            String id = b.blackId().isBlank() ? store.nextTradeNo(c, "BL", now) : b.blackId().trim();
            BlacklistEntry e = new BlacklistEntry(plate, b.reason(), id, b.validFrom(), b.validTo(), b.windowStart(),
                    b.windowEnd(), b.weekdays());
            boolean existed = store.findBlacklist(c, id).isPresent();
            store.saveBlacklist(c, e, operator);
            outbox.enqueue(c, ListUplinks.blackuser(e, existed ? ListUplinks.MODIFY : ListUplinks.ADD, operator, now),
                    ListUplinks.key("blackuser", id));
            return e;
        });
    }

    public boolean deleteBlacklist(String blackId, String operator) {
        return change((c, now) -> {
            Optional<BlacklistEntry> e = store.findBlacklist(c, blackId);
            if (e.isEmpty()) {
                return false;
            }
            store.deleteBlacklist(c, blackId);
            outbox.enqueue(c, ListUplinks.blackuser(e.get(), ListUplinks.DELETE, operator, now),
                    ListUplinks.key("blackuser", blackId));
            return true;
        });
    }

    // ---- 2.16 car types ---------------------------------------------------------------------------------------

    public void saveCarType(CarType t) {
        id(t.carTypeId(), "car_type_id");
        change((c, now) -> {
            boolean existed = store.findCarType(c, t.carTypeId()).isPresent();
            store.saveCarType(c, t);
            outbox.enqueue(c, ListUplinks.carType(t, existed ? ListUplinks.MODIFY : ListUplinks.ADD, now),
                    ListUplinks.key("car_type", t.carTypeId()));
            return null;
        });
    }

    public boolean deleteCarType(String carTypeId) {
        return change((c, now) -> {
            Optional<CarType> t = store.findCarType(c, carTypeId);
            if (t.isEmpty()) {
                return false;
            }
            store.deleteCarType(c, carTypeId);
            outbox.enqueue(c, ListUplinks.carType(t.get(), ListUplinks.DELETE, now),
                    ListUplinks.key("car_type", carTypeId));
            return true;
        });
    }

    // ---- 2.25 - 2.27 stored-value cards -----------------------------------------------------------------------

    /** Adds or modifies a card; the balance of an existing card is kept (it moves only through trades). */
    public void saveStoredValueCard(StoredValueAccount a) {
        List<String> plates = a.plates().stream().map(ListAdmin::plate).distinct().toList();
        if (plates.isEmpty()) {
            throw new IllegalArgumentException("a stored-value card needs at least one plate");
        }
        if (a.balanceFen() < 0) {
            throw new IllegalArgumentException("negative opening balance: " + a.balanceFen());
        }
        change((c, now) -> {
            Optional<StoredValueAccount> old = store.findStoredValue(c, id(a.cardId(), "card_id"));
            StoredValueAccount v = new StoredValueAccount(a.cardId(), plates, a.name(), a.mobile(),
                    old.map(StoredValueAccount::balanceFen).orElse(a.balanceFen()), a.carTypeId(), a.remark());
            store.saveStoredValue(c, v);
            outbox.enqueue(c, ListUplinks.prepayCard(v, old.isPresent() ? ListUplinks.MODIFY : ListUplinks.ADD, now),
                    ListUplinks.key("prepay_card", v.cardId()));
            return null;
        });
    }

    public boolean deleteStoredValueCard(String cardId) {
        return change((c, now) -> {
            Optional<StoredValueAccount> a = store.findStoredValue(c, cardId);
            if (a.isEmpty()) {
                return false;
            }
            store.deleteStoredValue(c, cardId);
            outbox.enqueue(c, ListUplinks.prepayCard(a.get(), ListUplinks.DELETE, now),
                    ListUplinks.key("prepay_card", cardId));
            return true;
        });
    }

    /** A top-up at the booth (2.26): the balance grows by {@code fen}; {@code actualFen} is the money taken in. */
    public StoredValueTrade topUp(String cardId, long fen, long actualFen, String payType) {
        if (fen <= 0 || actualFen < 0) {
            throw new IllegalArgumentException("a top-up must be positive: " + fen + " fen");
        }
        return change((c, now) -> {
            StoredValueAccount a = store.findStoredValue(c, cardId)
                    .orElseThrow(() -> new IllegalArgumentException("no stored-value card " + cardId));
            StoredValueTrade t = new StoredValueTrade(store.nextTradeNo(c, "SV", now), cardId,
                    StoredValueTrade.Kind.TOP_UP, fen, actualFen, payType,
                    a.plates().isEmpty() ? "" : a.plates().get(0), "", now);
            store.applyTrade(c, t, JdbcListStore.BOOTH);
            outbox.enqueue(c, ListUplinks.prepayTopUp(t), ListUplinks.key("prepay_card", cardId));
            return t;
        });
    }

    /** A deduction for a stay (2.27), as {@link JdbcVehicleLists#chargeStoredValue}. */
    public boolean deductStoredValue(String cardId, long fen, String orderId) {
        return lists.chargeStoredValue(cardId, fen, orderId, clock.instant());
    }

    // ---- 2.29 coupon deductions -------------------------------------------------------------------------------

    /**
     * A coupon took {@code deductionFen} off the stay {@code orderId}: it is marked used and the deduction is
     * uploaded (2.29). False when the coupon is unknown or was already used by that stay.
     */
    public boolean couponDeducted(String ticketId, String orderId, long deductionFen) {
        if (deductionFen < 0) {
            throw new IllegalArgumentException("negative deduction: " + deductionFen);
        }
        return change((c, now) -> CouponDeductions.record(c, store, outbox, ticketId, orderId, deductionFen, now));
    }

    // ---- 2.35 internal cars -----------------------------------------------------------------------------------

    public void saveInternalCar(WhiteListEntry w, String whiteId) {
        WhiteListEntry v = new WhiteListEntry(plate(w.plate()), w.name(), w.validFrom(), w.validTo(), w.remark());
        change((c, now) -> {
            boolean existed = store.findWhite(c, v.plate()).isPresent();
            store.saveWhite(c, v, whiteId);
            outbox.enqueue(c, ListUplinks.whiteList(v, existed ? ListUplinks.MODIFY : ListUplinks.ADD, whiteId, now,
                    zone), ListUplinks.key("white_list", v.plate()));
            return null;
        });
    }

    public boolean deleteInternalCar(String plate) {
        String p = plate(plate);
        return change((c, now) -> {
            Optional<WhiteListEntry> w = store.findWhite(c, p);
            if (w.isEmpty()) {
                return false;
            }
            store.deleteWhite(c, p);
            outbox.enqueue(c, ListUplinks.whiteList(w.get(), ListUplinks.DELETE, null, now, zone),
                    ListUplinks.key("white_list", p));
            return true;
        });
    }
}
