package com.boothdesk.app.store.lists;

import com.boothdesk.app.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.lists.CarLock;
import com.boothdesk.app.domain.lists.CarType;
import com.boothdesk.app.domain.lists.Collector;
import com.boothdesk.app.domain.lists.IssuedCoupon;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthPackage;
import com.boothdesk.app.domain.lists.MonthRenewal;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.ParkChannel;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.StoredValueCard;
import com.boothdesk.app.domain.lists.StoredValueTrade;
import com.boothdesk.app.domain.lists.TariffRecord;
import com.boothdesk.app.domain.lists.VisitorPass;
import com.boothdesk.app.domain.lists.VisitorRecord;
import com.boothdesk.app.domain.lists.WhiteListEntry;

/**
 * The list tables of V10 over plain JDBC, one statement group per method, always inside the caller's connection
 * (a {@code Database.write} transaction for changes, a {@code Database.read} for queries), so that a list change and
 * its uplink or its reply are one transaction. Saves are upserts and deletes of missing rows are no-ops: applying
 * the same change twice leaves the same rows. Plates must already be normalised.
 */
public final class JdbcListStore {

    /** Where a row came from. */
    public static final String CLOUD = "CLOUD";
    public static final String BOOTH = "BOOTH";

    private final Clock clock;

    public JdbcListStore(Clock clock) {
        this.clock = clock;
    }

    // ---- monthly cards ----------------------------------------------------------------------------------------

    public void saveMonthMember(Connection c, MonthMember m, String origin, String cloudCardId) throws SQLException {
        ListSnapshot.changing(c, union(plates(c, "month_card_plate", m.card().cardId()), m.card().plates()));
        MonthlyCard card = m.card();
        try (PreparedStatement ps = Sql.merge(c, "month_card", "card_id",
                "card_id, cloud_card_id, origin, owner, valid_from, valid_to, spaces, vehicle_class, "
                + "channels, package_id, tel, address, remark, price_fen, receivable_fen, member_kind, "
                + "updated_at")) {
            ps.setString(1, card.cardId());
            ps.setString(2, cloudCardId);
            ps.setString(3, origin);
            ps.setString(4, cut(card.owner(), 48));
            ps.setObject(5, card.validFrom());
            ps.setObject(6, card.validTo());
            ps.setInt(7, card.spaces());
            ps.setString(8, cut(card.vehicleClass(), 24));
            ps.setString(9, String.join(",", card.channels()));
            ps.setString(10, cut(m.packageId(), 24));
            ps.setString(11, cut(m.tel(), 32));
            ps.setString(12, cut(m.address(), 64));
            ps.setString(13, cut(m.remark(), 96));
            ps.setLong(14, m.priceFen());
            ps.setLong(15, m.receivableFen());
            ps.setInt(16, m.memberKind());
            ps.setObject(17, now());
            ps.executeUpdate();
        }
        replacePlates(c, "month_card_plate", card.cardId(), card.plates());
    }

    /** The card with this id, or whose cloud id it is. */
    public Optional<MonthMember> findMonthMember(Connection c, String id) throws SQLException {
        List<MonthMember> l = members(c, "SELECT * FROM month_card WHERE card_id = ? OR cloud_card_id = ?"
                + " ORDER BY CASE WHEN card_id = ? THEN 0 ELSE 1 END", id, id, id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The booth-made card carrying exactly these plates, if any (3.7 card_id_local rule). */
    public Optional<String> boothCardWithPlates(Connection c, List<String> plates) throws SQLException {
        if (plates.isEmpty()) {
            return Optional.empty();
        }
        for (MonthMember m : members(c, "SELECT mc.* FROM month_card mc JOIN month_card_plate p"
                + " ON p.card_id = mc.card_id WHERE p.plate = ? AND mc.origin = 'BOOTH'", plates.get(0))) {
            if (Set.copyOf(m.card().plates()).equals(Set.copyOf(plates))) {
                return Optional.of(m.card().cardId());
            }
        }
        return Optional.empty();
    }

    public List<MonthlyCard> monthlyCardsOf(Connection c, String plate) throws SQLException {
        return members(c, "SELECT mc.* FROM month_card mc JOIN month_card_plate p ON p.card_id = mc.card_id"
                + " WHERE p.plate = ? ORDER BY mc.valid_to DESC", plate).stream().map(MonthMember::card).toList();
    }

    public boolean deleteMonthMember(Connection c, String cardId) throws SQLException {
        ListSnapshot.changing(c, plates(c, "month_card_plate", cardId));
        return update(c, "DELETE FROM month_card WHERE card_id = ?", cardId) > 0;
    }

    /** New validity of a card; {@code from} null keeps the first day. False when the card is unknown. */
    public boolean setMonthValidity(Connection c, String cardId, LocalDate from, LocalDate to) throws SQLException {
        ListSnapshot.changing(c, plates(c, "month_card_plate", cardId));
        try (PreparedStatement ps = c.prepareStatement("UPDATE month_card SET valid_from = COALESCE(?, valid_from),"
                + " valid_to = ?, updated_at = ? WHERE card_id = ?")) {
            if (from == null) {
                ps.setNull(1, Types.DATE);
            } else {
                ps.setObject(1, from);
            }
            ps.setObject(2, to);
            ps.setObject(3, now());
            ps.setString(4, cardId);
            return ps.executeUpdate() > 0;
        }
    }

    /** Stores a renewal; false (and nothing changed) when its trade_no is already known. */
    public boolean insertRenewal(Connection c, MonthRenewal r, String origin) throws SQLException {
        ListSnapshot.changing(c, plates(c, "month_card_plate", r.cardId()));
        if (exists(c, "SELECT 1 FROM month_renewal WHERE trade_no = ?", r.tradeNo())) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO month_renewal (trade_no, card_id, origin, paid_at,"
                + " receivable_fen, paid_fen, pay_type, collector, buy_months, valid_from, valid_to, remark)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.tradeNo());
            ps.setString(2, r.cardId());
            ps.setString(3, origin);
            ps.setObject(4, time(r.paidAt()));
            ps.setLong(5, r.receivableFen());
            ps.setLong(6, r.paidFen());
            ps.setString(7, cut(r.payType(), 24));
            ps.setString(8, cut(r.collector(), 48));
            ps.setInt(9, r.buyMonths());
            if (r.validFrom() == null) {
                ps.setNull(10, Types.DATE);
            } else {
                ps.setObject(10, r.validFrom());
            }
            ps.setObject(11, r.validTo());
            ps.setString(12, cut(r.remark(), 96));
            ps.executeUpdate();
        }
        return true;
    }

    public int countRenewals(Connection c, String cardId) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM month_renewal WHERE card_id = ?", cardId);
    }

    // ---- month-card packages ----------------------------------------------------------------------------------

    public void savePackage(Connection c, MonthPackage p) throws SQLException {
        try (PreparedStatement ps = Sql.merge(c, "month_package", "package_id",
                "package_id, name, price_fen, period, description, car_type_id, long_term, updated_at")) {
            ps.setString(1, p.packageId());
            ps.setString(2, cut(p.name(), 48));
            ps.setLong(3, p.priceFen());
            ps.setString(4, cut(p.period(), 8));
            ps.setString(5, cut(p.description(), 96));
            ps.setString(6, cut(p.carTypeId(), 24));
            ps.setBoolean(7, p.longTerm());
            ps.setObject(8, now());
            ps.executeUpdate();
        }
    }

    public Optional<MonthPackage> findPackage(Connection c, String packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM month_package WHERE package_id = ?")) {
            ps.setString(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new MonthPackage(rs.getString("package_id"), rs.getString("name"),
                        rs.getLong("price_fen"), rs.getString("period"), rs.getString("description"),
                        rs.getString("car_type_id"), rs.getBoolean("long_term"))) : Optional.empty();
            }
        }
    }

    public boolean deletePackage(Connection c, String packageId) throws SQLException {
        return update(c, "DELETE FROM month_package WHERE package_id = ?", packageId) > 0;
    }

    // ---- white list / internal cars ---------------------------------------------------------------------------

    public void saveWhite(Connection c, WhiteListEntry w, String whiteId) throws SQLException {
        ListSnapshot.changing(c, List.of(w.plate()));
        try (PreparedStatement ps = Sql.merge(c, "white_list", "plate",
                "plate, white_id, name, valid_from, valid_to, remark, updated_at")) {
            ps.setString(1, w.plate());
            ps.setString(2, cut(whiteId == null ? "" : whiteId, 24));
            ps.setString(3, cut(w.name(), 48));
            ps.setObject(4, w.validFrom());
            ps.setObject(5, w.validTo());
            ps.setString(6, cut(w.remark(), 128));
            ps.setObject(7, now());
            ps.executeUpdate();
        }
    }

    public Optional<WhiteListEntry> findWhite(Connection c, String plate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM white_list WHERE plate = ?")) {
            ps.setString(1, plate);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new WhiteListEntry(rs.getString("plate"), rs.getString("name"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                        rs.getString("remark"))) : Optional.empty();
            }
        }
    }

    public boolean deleteWhite(Connection c, String plate) throws SQLException {
        ListSnapshot.changing(c, List.of(plate));
        return update(c, "DELETE FROM white_list WHERE plate = ?", plate) > 0;
    }

    // ---- visitors ---------------------------------------------------------------------------------------------

    /** Saves a registration; a resent one keeps the entries already counted. */
    public void saveVisitor(Connection c, VisitorRecord v) throws SQLException {
        ListSnapshot.changing(c, union(visitorPlate(c, v.visitorId()), List.of(v.pass().plate())));
        VisitorPass p = v.pass();
        try (PreparedStatement ps = Sql.merge(c, "visitor", "visitor_id",
                "visitor_id, plate, valid_from, valid_to, max_entries, approval, channel_id, mobile, "
                + "remark")) {
            ps.setString(1, v.visitorId());
            ps.setString(2, p.plate());
            ps.setObject(3, time(p.validFrom()));
            ps.setObject(4, time(p.validTo()));
            ps.setInt(5, Math.max(0, p.maxEntries()));
            ps.setInt(6, v.approval());
            ps.setString(7, cut(v.channelId(), 16));
            ps.setString(8, cut(v.mobile(), 32));
            ps.setString(9, cut(v.remark(), 255));
            ps.executeUpdate();
        }
    }

    public boolean deleteVisitor(Connection c, String visitorId) throws SQLException {
        ListSnapshot.changing(c, visitorPlate(c, visitorId));
        return update(c, "DELETE FROM visitor WHERE visitor_id = ?", visitorId) > 0;
    }

    public Optional<VisitorRecord> findVisitor(Connection c, String visitorId) throws SQLException {
        List<VisitorRecord> l = visitors(c, "SELECT * FROM visitor WHERE visitor_id = ?", visitorId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Approved registrations of a plate, latest end first. */
    public List<VisitorRecord> approvedVisitors(Connection c, String plate) throws SQLException {
        return visitors(c, "SELECT * FROM visitor WHERE plate = ? AND approval = 1 ORDER BY valid_to DESC", plate);
    }

    public void countVisitorEntry(Connection c, String visitorId) throws SQLException {
        ListSnapshot.changing(c, visitorPlate(c, visitorId));
        update(c, "UPDATE visitor SET used_entries = used_entries + 1 WHERE visitor_id = ?", visitorId);
    }

    // ---- blacklist --------------------------------------------------------------------------------------------

    public void saveBlacklist(Connection c, BlacklistEntry b, String operator) throws SQLException {
        ListSnapshot.changing(c, union(blacklistPlate(c, b.blackId()), List.of(b.plate())));
        try (PreparedStatement ps = Sql.merge(c, "blacklist", "black_uuid",
                "black_uuid, plate, reason, operator, valid_from, valid_to, window_start, window_end, "
                + "weekdays, updated_at")) {
            ps.setString(1, b.blackId());
            ps.setString(2, b.plate());
            ps.setString(3, cut(b.reason(), 96));
            ps.setString(4, cut(operator == null ? "" : operator, 24));
            setNullable(ps, 5, b.validFrom(), Types.TIMESTAMP);
            setNullable(ps, 6, b.validTo(), Types.TIMESTAMP);
            setNullable(ps, 7, b.windowStart(), Types.TIME);
            setNullable(ps, 8, b.windowEnd(), Types.TIME);
            ps.setString(9, b.weekdays().stream().sorted().map(d -> String.valueOf(d.getValue()))
                    .collect(Collectors.joining(",")));
            ps.setObject(10, now());
            ps.executeUpdate();
        }
    }

    public boolean deleteBlacklist(Connection c, String blackId) throws SQLException {
        ListSnapshot.changing(c, blacklistPlate(c, blackId));
        return update(c, "DELETE FROM blacklist WHERE black_uuid = ?", blackId) > 0;
    }

    public List<BlacklistEntry> blacklistOf(Connection c, String plate) throws SQLException {
        return blacklist(c, "SELECT * FROM blacklist WHERE plate = ? ORDER BY black_uuid", plate);
    }

    public Optional<BlacklistEntry> findBlacklist(Connection c, String blackId) throws SQLException {
        List<BlacklistEntry> l = blacklist(c, "SELECT * FROM blacklist WHERE black_uuid = ?", blackId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    // ---- locks ------------------------------------------------------------------------------------------------

    public void lock(Connection c, CarLock lock) throws SQLException {
        ListSnapshot.changing(c, union(lockPlate(c, lock.orderId()), List.of(lock.plate())));
        try (PreparedStatement ps = Sql.merge(c, "car_lock", "order_id",
                "order_id, plate, lock_key, locked_at, locked_by")) {
            ps.setString(1, lock.orderId());
            ps.setString(2, lock.plate());
            ps.setString(3, cut(lock.lockKey(), 8));
            ps.setObject(4, time(lock.lockedAt()));
            ps.setString(5, cut(lock.lockedBy(), 24));
            ps.executeUpdate();
        }
    }

    public boolean unlock(Connection c, String orderId) throws SQLException {
        ListSnapshot.changing(c, lockPlate(c, orderId));
        return update(c, "DELETE FROM car_lock WHERE order_id = ?", orderId) > 0;
    }

    public Optional<CarLock> lockOf(Connection c, String plate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM car_lock WHERE plate = ? ORDER BY locked_at DESC LIMIT 1")) {
            ps.setString(1, plate);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CarLock(rs.getString("plate"), instant(rs, "locked_at"),
                        rs.getString("locked_by"), rs.getString("order_id"), rs.getString("lock_key")))
                        : Optional.empty();
            }
        }
    }

    /** The plate of a stay in the order table (V1), if the order is known. */
    public Optional<String> plateOfOrder(Connection c, String orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT plate FROM parking_order WHERE order_id = ?")) {
            ps.setString(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    // ---- stored-value cards -----------------------------------------------------------------------------------

    public void saveStoredValue(Connection c, StoredValueAccount a) throws SQLException {
        ListSnapshot.changing(c, union(plates(c, "prepay_card_plate", a.cardId()), a.plates()));
        try (PreparedStatement ps = Sql.merge(c, "prepay_card", "card_id",
                "card_id, name, mobile, balance_fen, car_type_id, remark, updated_at")) {
            ps.setString(1, a.cardId());
            ps.setString(2, cut(a.name(), 48));
            ps.setString(3, cut(a.mobile(), 32));
            ps.setLong(4, a.balanceFen());
            ps.setString(5, cut(a.carTypeId(), 24));
            ps.setString(6, cut(a.remark(), 96));
            ps.setObject(7, now());
            ps.executeUpdate();
        }
        replacePlates(c, "prepay_card_plate", a.cardId(), a.plates());
    }

    public Optional<StoredValueAccount> findStoredValue(Connection c, String cardId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM prepay_card WHERE card_id = ?")) {
            ps.setString(1, cardId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredValueAccount(rs.getString("card_id"),
                        plates(c, "prepay_card_plate", cardId), rs.getString("name"), rs.getString("mobile"),
                        rs.getLong("balance_fen"), rs.getString("car_type_id"), rs.getString("remark")));
            }
        }
    }

    public boolean deleteStoredValue(Connection c, String cardId) throws SQLException {
        ListSnapshot.changing(c, plates(c, "prepay_card_plate", cardId));
        return update(c, "DELETE FROM prepay_card WHERE card_id = ?", cardId) > 0;
    }

    /** The card paying for this plate (the fullest when there are several). */
    public Optional<StoredValueCard> storedValueOf(Connection c, String plate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pc.card_id, pc.balance_fen FROM prepay_card pc"
                + " JOIN prepay_card_plate p ON p.card_id = pc.card_id WHERE p.plate = ?"
                + " ORDER BY pc.balance_fen DESC LIMIT 1")) {
            ps.setString(1, plate);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredValueCard(rs.getString(1), plate, rs.getLong(2)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Records a trade and moves the balance by its amount, once: false (nothing changed) when its trade_no, or a
     * deduction of the same card for the same order, is already recorded. False too when the card is unknown.
     */
    public boolean applyTrade(Connection c, StoredValueTrade t, String origin) throws SQLException {
        ListSnapshot.changing(c, plates(c, "prepay_card_plate", t.cardId()));
        if (exists(c, "SELECT 1 FROM prepay_trade WHERE trade_no = ?", t.tradeNo())
                || !t.orderId().isEmpty() && deductionFor(c, t.cardId(), t.orderId()).isPresent()
                || !exists(c, "SELECT 1 FROM prepay_card WHERE card_id = ?", t.cardId())) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO prepay_trade (trade_no, card_id, kind, origin,"
                + " amount_fen, actual_fen, pay_type, plate, order_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.tradeNo());
            ps.setString(2, t.cardId());
            ps.setString(3, t.kind().name());
            ps.setString(4, origin);
            ps.setLong(5, t.amountFen());
            ps.setLong(6, t.actualFen());
            ps.setString(7, cut(t.payType(), 24));
            ps.setString(8, cut(t.plate(), 16));
            if (t.orderId().isEmpty()) {
                ps.setNull(9, Types.VARCHAR);
            } else {
                ps.setString(9, t.orderId());
            }
            ps.setObject(10, time(t.at()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE prepay_card SET balance_fen = balance_fen + ?, updated_at = ? WHERE card_id = ?")) {
            ps.setLong(1, t.amountFen());
            ps.setObject(2, now());
            ps.setString(3, t.cardId());
            ps.executeUpdate();
        }
        return true;
    }

    /** The trade_no of the deduction already made from this card for this order. */
    public Optional<String> deductionFor(Connection c, String cardId, String orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT trade_no FROM prepay_trade WHERE card_id = ? AND order_id = ?")) {
            ps.setString(1, cardId);
            ps.setString(2, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public int countTrades(Connection c, String cardId) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM prepay_trade WHERE card_id = ?", cardId);
    }

    /** A booth-made trade number, unique across restarts: prefix + epoch seconds + sequence (≤ 24 characters). */
    public String nextTradeNo(Connection c, String prefix, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT NEXTVAL('list_trade_seq')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return prefix + at.getEpochSecond() + "_" + rs.getLong(1);
        }
    }

    // ---- collectors, lanes, car types, price records ----------------------------------------------------------

    public void saveCollector(Connection c, Collector x) throws SQLException {
        try (PreparedStatement ps = Sql.merge(c, "collector", "user_id",
                "user_id, name, sex, updated_at")) {
            ps.setString(1, x.userId());
            ps.setString(2, cut(x.name(), 48));
            ps.setInt(3, x.sex());
            ps.setObject(4, now());
            ps.executeUpdate();
        }
    }

    public Optional<Collector> findCollector(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM collector WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Collector(rs.getString("user_id"), rs.getString("name"),
                        rs.getInt("sex"))) : Optional.empty();
            }
        }
    }

    public boolean deleteCollector(Connection c, String userId) throws SQLException {
        return update(c, "DELETE FROM collector WHERE user_id = ?", userId) > 0;
    }

    public void saveChannel(Connection c, ParkChannel ch) throws SQLException {
        try (PreparedStatement ps = Sql.merge(c, "park_channel", "channel_id",
                "channel_id, name, direction, lane_no, device_no, updated_at")) {
            ps.setString(1, ch.channelId());
            ps.setString(2, cut(ch.name(), 48));
            ps.setString(3, ch.direction().name());
            ps.setString(4, cut(ch.laneNo(), 24));
            ps.setString(5, cut(ch.deviceNo(), 24));
            ps.setObject(6, now());
            ps.executeUpdate();
        }
    }

    public Optional<ParkChannel> findChannel(Connection c, String channelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM park_channel WHERE channel_id = ?")) {
            ps.setString(1, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ParkChannel(rs.getString("channel_id"), rs.getString("name"),
                        ParkChannel.Direction.valueOf(rs.getString("direction")), rs.getString("lane_no"),
                        rs.getString("device_no"))) : Optional.empty();
            }
        }
    }

    public boolean deleteChannel(Connection c, String channelId) throws SQLException {
        return update(c, "DELETE FROM park_channel WHERE channel_id = ?", channelId) > 0;
    }

    public void saveCarType(Connection c, CarType t) throws SQLException {
        try (PreparedStatement ps = Sql.merge(c, "car_type", "car_type_id",
                "car_type_id, name, sort, updated_at")) {
            ps.setString(1, t.carTypeId());
            ps.setString(2, cut(t.name(), 24));
            ps.setInt(3, t.sort());
            ps.setObject(4, now());
            ps.executeUpdate();
        }
    }

    public Optional<CarType> findCarType(Connection c, String carTypeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM car_type WHERE car_type_id = ?")) {
            ps.setString(1, carTypeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CarType(rs.getString("car_type_id"), rs.getString("name"),
                        rs.getInt("sort"))) : Optional.empty();
            }
        }
    }

    public boolean deleteCarType(Connection c, String carTypeId) throws SQLException {
        return update(c, "DELETE FROM car_type WHERE car_type_id = ?", carTypeId) > 0;
    }

    /** Keeps the record; {@code deleted} marks one the cloud removed (the local tariff is not touched). */
    public void saveTariffRecord(Connection c, TariffRecord t, boolean deleted) throws SQLException {
        try (PreparedStatement ps = Sql.merge(c, "tariff_sync", "price_id",
                "price_id, car_type, description, deleted, received_at")) {
            ps.setString(1, t.priceId());
            ps.setString(2, cut(t.carType(), 24));
            ps.setString(3, cut(t.description(), 255));
            ps.setBoolean(4, deleted);
            ps.setObject(5, now());
            ps.executeUpdate();
        }
    }

    /** The record and whether it was deleted. */
    public Optional<java.util.Map.Entry<TariffRecord, Boolean>> findTariffRecord(Connection c, String priceId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM tariff_sync WHERE price_id = ?")) {
            ps.setString(1, priceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(java.util.Map.entry(new TariffRecord(rs.getString("price_id"),
                        rs.getString("car_type"), rs.getString("description")), rs.getBoolean("deleted")))
                        : Optional.empty();
            }
        }
    }

    // ---- coupons ----------------------------------------------------------------------------------------------

    /** Saves a coupon; a resent one keeps its used state. */
    public void saveCoupon(Connection c, IssuedCoupon ic) throws SQLException {
        Coupon k = ic.coupon();
        try (PreparedStatement ps = Sql.merge(c, "coupon", "ticket_id",
                "ticket_id, plate, order_id, ticket_type, kind, amount, valid_until, multi_use, "
                + "shop_name, remark, received_at")) {
            ps.setString(1, k.id());
            ps.setString(2, ic.plate());
            ps.setString(3, cut(ic.orderId(), 48));
            ps.setInt(4, ic.ticketType());
            ps.setString(5, k.kind().name());
            ps.setLong(6, k.value());
            setNullable(ps, 7, time(k.validUntil()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setBoolean(8, ic.multiUse());
            ps.setString(9, cut(ic.shopName(), 48));
            ps.setString(10, cut(ic.remark(), 96));
            ps.setObject(11, now());
            ps.executeUpdate();
        }
    }

    public boolean deleteCoupon(Connection c, String ticketId) throws SQLException {
        return update(c, "DELETE FROM coupon WHERE ticket_id = ?", ticketId) > 0;
    }

    public Optional<IssuedCoupon> findCoupon(Connection c, String ticketId) throws SQLException {
        List<IssuedCoupon> l = coupons(c, "SELECT * FROM coupon WHERE ticket_id = ?", ps -> ps.setString(1, ticketId));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public boolean couponUsed(Connection c, String ticketId) throws SQLException {
        return exists(c, "SELECT 1 FROM coupon WHERE ticket_id = ? AND status = 'USED'", ticketId);
    }

    /** Unused coupons of the plate bound to this order or to no order, not expired at {@code at}. */
    public List<IssuedCoupon> usableCoupons(Connection c, String plate, String orderId, Instant at)
            throws SQLException {
        return coupons(c, "SELECT * FROM coupon WHERE plate = ? AND status = 'NEW' AND (order_id = '' OR order_id = ?)"
                + " AND (valid_until IS NULL OR valid_until >= ?) ORDER BY ticket_id", ps -> {
                    ps.setString(1, plate);
                    ps.setString(2, orderId == null ? "" : orderId);
                    ps.setObject(3, time(at));
                });
    }

    /** Marks used (multi-use coupons only remember the last use). */
    public void markCouponUsed(Connection c, String ticketId, String orderId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE coupon SET status = CASE WHEN multi_use THEN 'NEW'"
                + " ELSE 'USED' END, used_order_id = ?, used_at = ? WHERE ticket_id = ?")) {
            ps.setString(1, orderId);
            ps.setObject(2, time(at));
            ps.setString(3, ticketId);
            ps.executeUpdate();
        }
    }

    // ---- the lists of every plate at once (ListSnapshot) -----------------------------------------------------

    /** Every monthly card by each of its plates, latest end first (as {@link #monthlyCardsOf}). */
    java.util.Map<String, List<MonthlyCard>> allMonthlyCards(Connection c) throws SQLException {
        java.util.Map<String, List<String>> platesOf = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT card_id, plate FROM month_card_plate ORDER BY card_id, pos");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                platesOf.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        java.util.Map<String, List<MonthlyCard>> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM month_card ORDER BY valid_to DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> plates = platesOf.getOrDefault(rs.getString("card_id"), List.of());
                MonthlyCard card = member(rs, plates).card();
                for (String plate : plates) {
                    out.computeIfAbsent(plate, k -> new ArrayList<>()).add(card);
                }
            }
        }
        return out;
    }

    /** Every approved visitor registration by plate, latest end first (as {@link #approvedVisitors}). */
    java.util.Map<String, List<VisitorRecord>> allApprovedVisitors(Connection c) throws SQLException {
        java.util.Map<String, List<VisitorRecord>> out = new java.util.HashMap<>();
        for (VisitorRecord v : visitors(c, "SELECT * FROM visitor WHERE approval = 1 AND plate <> ? ORDER BY valid_to DESC", "")) {
            out.computeIfAbsent(v.pass().plate(), k -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** Every blacklist entry by plate (as {@link #blacklistOf}). */
    java.util.Map<String, List<BlacklistEntry>> allBlacklist(Connection c) throws SQLException {
        java.util.Map<String, List<BlacklistEntry>> out = new java.util.HashMap<>();
        for (BlacklistEntry b : blacklist(c, "SELECT * FROM blacklist WHERE plate <> ? ORDER BY black_uuid", "")) {
            out.computeIfAbsent(b.plate(), k -> new ArrayList<>()).add(b);
        }
        return out;
    }

    /** Every white-list entry by plate (as {@link #findWhite}). */
    java.util.Map<String, WhiteListEntry> allWhite(Connection c) throws SQLException {
        java.util.Map<String, WhiteListEntry> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM white_list"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString("plate"), new WhiteListEntry(rs.getString("plate"), rs.getString("name"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                        rs.getString("remark")));
            }
        }
        return out;
    }

    /** The latest lock of every locked plate (as {@link #lockOf}). */
    java.util.Map<String, CarLock> allLocks(Connection c) throws SQLException {
        java.util.Map<String, CarLock> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM car_lock ORDER BY locked_at DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.putIfAbsent(rs.getString("plate"), new CarLock(rs.getString("plate"), instant(rs, "locked_at"),
                        rs.getString("locked_by"), rs.getString("order_id"), rs.getString("lock_key")));
            }
        }
        return out;
    }

    /** The fullest stored-value card of every plate (as {@link #storedValueOf}). */
    java.util.Map<String, StoredValueCard> allStoredValue(Connection c) throws SQLException {
        java.util.Map<String, StoredValueCard> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pc.card_id, pc.balance_fen, p.plate FROM prepay_card pc"
                + " JOIN prepay_card_plate p ON p.card_id = pc.card_id ORDER BY pc.balance_fen DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String plate = rs.getString(3);
                out.putIfAbsent(plate, new StoredValueCard(rs.getString(1), plate, rs.getLong(2)));
            }
        }
        return out;
    }

    // ---- row mapping ------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<IssuedCoupon> coupons(Connection c, String sql, Binder binder) throws SQLException {
        List<IssuedCoupon> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Coupon k = new Coupon(rs.getString("ticket_id"), Coupon.Kind.valueOf(rs.getString("kind")),
                            rs.getLong("amount"), instant(rs, "valid_until"));
                    out.add(new IssuedCoupon(k, rs.getString("plate"), rs.getString("order_id"),
                            rs.getInt("ticket_type"), rs.getBoolean("multi_use"), rs.getString("shop_name"),
                            rs.getString("remark")));
                }
            }
        }
        return out;
    }

    private List<MonthMember> members(Connection c, String sql, String... args) throws SQLException {
        List<MonthMember> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(member(rs, plates(c, "month_card_plate", rs.getString("card_id"))));
                }
            }
        }
        return out;
    }

    private static MonthMember member(ResultSet rs, List<String> plates) throws SQLException {
        String channels = rs.getString("channels");
        MonthlyCard card = new MonthlyCard(rs.getString("card_id"), plates, rs.getString("owner"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getInt("spaces"), rs.getString("vehicle_class"),
                channels.isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(channels.split(","))));
        return new MonthMember(card, rs.getString("package_id"), rs.getString("tel"),
                rs.getString("address"), rs.getString("remark"), rs.getLong("price_fen"),
                rs.getLong("receivable_fen"), rs.getInt("member_kind"));
    }

    private static List<VisitorRecord> visitors(Connection c, String sql, String arg) throws SQLException {
        List<VisitorRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    VisitorPass pass = new VisitorPass(rs.getString("plate"), instant(rs, "valid_from"),
                            instant(rs, "valid_to"), rs.getInt("max_entries"), rs.getInt("used_entries"));
                    out.add(new VisitorRecord(rs.getString("visitor_id"), pass, rs.getInt("approval"),
                            rs.getString("channel_id"), rs.getString("mobile"), rs.getString("remark")));
                }
            }
        }
        return out;
    }

    private static List<BlacklistEntry> blacklist(Connection c, String sql, String arg) throws SQLException {
        List<BlacklistEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                    for (String d : rs.getString("weekdays").split(",")) {
                        if (!d.isBlank()) {
                            days.add(DayOfWeek.of(Integer.parseInt(d.trim())));
                        }
                    }
                    out.add(new BlacklistEntry(rs.getString("plate"), rs.getString("reason"),
                            rs.getString("black_uuid"), rs.getObject("valid_from", LocalDateTime.class),
                            rs.getObject("valid_to", LocalDateTime.class), rs.getObject("window_start", LocalTime.class),
                            rs.getObject("window_end", LocalTime.class), days));
                }
            }
        }
        return out;
    }

    // what a list write may change, for ListSnapshot.changing: the plates its row names before and after

    private static List<String> visitorPlate(Connection c, String visitorId) throws SQLException {
        return platesWhere(c, "SELECT plate FROM visitor WHERE visitor_id = ?", visitorId);
    }

    private static List<String> blacklistPlate(Connection c, String blackId) throws SQLException {
        return platesWhere(c, "SELECT plate FROM blacklist WHERE black_uuid = ?", blackId);
    }

    private static List<String> lockPlate(Connection c, String orderId) throws SQLException {
        return platesWhere(c, "SELECT plate FROM car_lock WHERE order_id = ?", orderId);
    }

    private static List<String> platesWhere(Connection c, String sql, String id) throws SQLException {
        List<String> out = new ArrayList<>(1);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static Set<String> union(List<String> before, List<String> after) {
        Set<String> out = new LinkedHashSet<>(before);
        out.addAll(after);
        return out;
    }

    private static List<String> plates(Connection c, String table, String cardId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT plate FROM " + table + " WHERE card_id = ? ORDER BY pos")) {
            ps.setString(1, cardId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static void replacePlates(Connection c, String table, String cardId, List<String> plates)
            throws SQLException {
        update(c, "DELETE FROM " + table + " WHERE card_id = ?", cardId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (card_id, plate, pos) VALUES (?, ?, ?)")) {
            int pos = 0;
            for (String p : new LinkedHashSet<>(plates)) {
                ps.setString(1, cardId);
                ps.setString(2, p);
                ps.setInt(3, pos++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int update(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            return ps.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void setNullable(PreparedStatement ps, int i, Object v, int type) throws SQLException {
        if (v == null) {
            ps.setNull(i, type);
        } else {
            ps.setObject(i, v);
        }
    }

    private OffsetDateTime now() {
        return time(clock.instant());
    }

    /** Text cut to a column's width, so that an over-long field from the cloud never fails a whole change. */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }

    static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
