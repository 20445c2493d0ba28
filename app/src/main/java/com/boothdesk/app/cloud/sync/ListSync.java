package com.boothdesk.app.cloud.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.cloud.DownlinkRouter;
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
import com.boothdesk.app.domain.lists.Plates;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.StoredValueTrade;
import com.boothdesk.app.domain.lists.TariffRecord;
import com.boothdesk.app.domain.lists.VisitorPass;
import com.boothdesk.app.domain.lists.VisitorRecord;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.sdk.message.downlink.DownlinkFieldException;
import com.boothdesk.sdk.message.downlink.DownlinkFields;
import com.boothdesk.sdk.message.downlink.DownlinkReply;
import com.boothdesk.sdk.message.downlink.DownlinkType;
import com.boothdesk.sdk.protocol.ServiceName;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies the cloud's list downlinks (protocol notes §3.5-3.9, 3.12-3.16, 3.19-3.21, 3.27) to the local lists and
 * answers each per protocol. Every handler validates first (a missing key field is answered {@code state 0} with an
 * errmsg naming it), then applies add / modify / delete in one transaction, idempotently: a resent downlink leaves
 * the same rows and moves no money or validity twice (renewals and balance trades are keyed by trade_no). The
 * reply carries state, errmsg, operate_type and the message's key; {@code DownlinkReplies} adds service_name,
 * data_target and the echoed key fields.
 */
public final class ListSync {

    private static final Logger LOG = LoggerFactory.getLogger(ListSync.class);
    /** How much of a refused downlink's text is logged (cut and escaped, SafeText). */
    static final int REFUSED_LOG_WIDTH = 256;
    private static final int MAX_PLATE = 16;

    private final Database db;
    private final java.time.ZoneId zone;
    private final Clock clock;
    private final JdbcListStore store;

    public ListSync(Database db, JdbcOutbox outbox, java.time.ZoneId zone, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        Objects.requireNonNull(outbox, "outbox");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new JdbcListStore(clock);
    }

    /** proto4: told of every 3.13 channel the cloud adds, changes or deletes (after it is stored). */
    public interface ChannelListener {
        void channel(ParkChannel ch);

        void deleted(String channelId);
    }

    private volatile ChannelListener channels;

    private ListSync(Database db, java.time.ZoneId zone, Clock clock, ChannelListener channels) {
        this.db = Objects.requireNonNull(db, "db");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = new JdbcListStore(clock);
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    /**
     * proto4: registers 3.13 gate_sync with its effect on the lanes ({@code channels}), replacing the stored-only
     * registration of {@link #register}. Called once the lanes exist (ProtocolModule).
     */
    public static void registerGateSync(DownlinkRouter router, Database db, java.time.ZoneId zone, Clock clock,
                                        ChannelListener channels) {
        ListSync s = new ListSync(db, zone, clock, channels);
        s.on(router, ServiceName.GATE_SYNC, EFFECT, "the cloud's channels name the booth's lanes, matched by "
                + "channel_id = the site file's lane id (the id the lane's uplinks carry); unmatched channels kept and "
                + "logged once", s::gateSync);
    }

    /** As the other constructor, in the clock's zone. */
    public ListSync(Database db, JdbcOutbox outbox, Clock clock) {
        this(db, outbox, clock.getZone(), clock);
    }

    /** Installs the handlers of every list downlink. */
    public void register(DownlinkRouter router) {
        on(router, ServiceName.PRICE_SYNC, DownlinkRouter.Handling.ANSWERED, "kept for reference only: the notes "
                + "give price_id / car_type / describe, no tariff structure; the local tariff decides", this::priceSync);
        on(router, ServiceName.MONTH_CARD_SYNC, EFFECT, "month-card packages: renewals and 3.11/3.34 prices",
                this::monthCardSync);
        on(router, ServiceName.MONTH_MEMBER_SYNC, EFFECT, "month cards used at the entry and exit",
                this::monthMemberSync);
        on(router, ServiceName.COLLECTOR_SYNC, EFFECT, "the booth's log-in accounts: added / changed (no password "
                + "until one is set here), deleted = no log-in; no 2.4 echoed", this::collectorSync);
        on(router, ServiceName.LOCK_CAR, EFFECT, "locked cars refused at the exit", this::lockCar);
        on(router, ServiceName.DELIVER_TICKET, EFFECT, "coupons taken off the fee", this::deliverTicket);
        // proto4: with lanes, ProtocolModule registers 3.13 again with its effect on them (registerGateSync)
        on(router, ServiceName.GATE_SYNC, DownlinkRouter.Handling.ANSWERED, "the park's channels kept", this::gateSync);
        on(router, ServiceName.BLACKUSER_SYNC, EFFECT, "blacklist checked at the entry", this::blackuserSync);
        on(router, ServiceName.CAR_TYPE_SYNC, EFFECT, "car types kept; a monthly card's car type names its fee "
                + "class (fee.class_by_car_type), other cars by plate colour (fee.class_by_colour)",
                this::carTypeSync);
        on(router, ServiceName.MONTH_PAY_SYNC, EFFECT, "renewals extend the card", this::monthPaySync);
        on(router, ServiceName.VISITOR_SYNC, EFFECT, "visitor passes let in", this::visitorSync);
        on(router, ServiceName.PREPAY_CARD_SYNC, EFFECT, "stored-value accounts", this::prepayCardSync);
        on(router, ServiceName.PREPAY_CARD_TRADE_SYNC, EFFECT, "stored-value balance changes",
                this::prepayCardTradeSync);
        on(router, ServiceName.WHITE_LIST_SYNC, EFFECT, "white list let in free", this::whiteListSync);
    }

    private static final DownlinkRouter.Handling EFFECT = DownlinkRouter.Handling.EFFECT;

    private void on(DownlinkRouter router, ServiceName name, DownlinkRouter.Handling handling, String note,
                    Handler h) {
        Function<ObjectNode, ObjectNode> one = guarded(name.wire(), h);
        // multi: on a site's shared database the downlink every booth receives is applied once (site_once)
        java.util.function.UnaryOperator<ObjectNode> g = com.boothdesk.app.site.SiteOnce.of(db)
                .guard(name.wire(), one::apply, d -> ok(echoOp(d), "已由站点其他岗亭处理 / already applied for the site"));
        router.on(DownlinkType.raw(name), handling, note, raw -> DownlinkReply.of(g.apply(raw.fields().message())));
    }

    @FunctionalInterface
    private interface Handler {
        ObjectNode apply(DownlinkFields in, ObjectNode reply);
    }

    private Function<ObjectNode, ObjectNode> guarded(String name, Handler h) {
        return downlink -> {
            DownlinkFields in = new DownlinkFields(downlink, zone);
            ObjectNode reply = WireCodec.MAPPER.createObjectNode();
            try {
                String op = in.text("operate_type");
                if (op != null && op.matches("\\d{1,2}")) {
                    reply.put("operate_type", Integer.parseInt(op));
                }
                reply.put("state", 1);
                return h.apply(in, reply);
            } catch (DownlinkFieldException e) {
                // the reason names the cloud's field values, the downlink is the cloud's text: both cut and escaped
                LOG.warn("{} refused: {} - {}", name, com.boothdesk.app.domain.plate.SafeText.of(e.getMessage(), 200),
                        com.boothdesk.app.domain.plate.SafeText.of(downlink.toString(), REFUSED_LOG_WIDTH));
                reply.put("state", 0);
                reply.put("errmsg", e.getMessage());
                return reply;
            }
        };
    }

    private ObjectNode echoOp(ObjectNode downlink) {
        ObjectNode reply = WireCodec.MAPPER.createObjectNode();
        String op = new DownlinkFields(downlink, zone).text("operate_type");
        if (op != null && op.matches("\\d{1,2}")) {
            reply.put("operate_type", Integer.parseInt(op));
        }
        return reply;
    }

    private static ObjectNode ok(ObjectNode reply, String errmsg) {
        reply.put("state", 1);
        reply.put("errmsg", errmsg);
        return reply;
    }

    private static ObjectNode refuse(ObjectNode reply, String errmsg) {
        reply.put("state", 0);
        reply.put("errmsg", errmsg);
        return reply;
    }

    private static String plate(String raw, String field) {
        String p = Plates.normalise(raw);
        if (p.length() > MAX_PLATE) {
            throw new DownlinkFieldException("字段 " + field + " 不是车牌: " + raw);
        }
        return p;
    }

    private static List<String> plates(DownlinkFields in) {
        List<String> plates = Plates.split(in.require("car_number"));
        if (plates.isEmpty()) {
            throw new DownlinkFieldException("缺少字段 car_number");
        }
        for (String p : plates) {
            plate(p, "car_number");
        }
        return plates;
    }

    // ---- 3.5 price_sync ---------------------------------------------------------------------------------------

    private ObjectNode priceSync(DownlinkFields in, ObjectNode reply) {
        String id = in.require("price_id");
        reply.put("price_id", id);
        int op = in.operateType(1, 2, 3);
        TariffRecord t = new TariffRecord(id, in.text("car_type", ""), in.text("describe", ""));
        db.write(c -> {
            store.saveTariffRecord(c, t, op == 3);
            return null;
        });
        LOG.info("price_sync {} price record {} ({}): kept for reference, the local tariff is unchanged",
                opName(op), id, t.carType());
        return ok(reply, "价格同步成功!");
    }

    // ---- 3.6 month_card_sync ----------------------------------------------------------------------------------

    private ObjectNode monthCardSync(DownlinkFields in, ObjectNode reply) {
        String id = in.require("package_id");
        reply.put("package_id", id);
        int op = in.operateType(1, 2, 3);
        if (op == 3) {
            boolean gone = db.write(c -> store.deletePackage(c, id));
            LOG.info("month_card_sync deleted package {}{}", id, gone ? "" : " (was not here)");
            return ok(reply, "月卡套餐删除成功!");
        }
        MonthPackage p = new MonthPackage(id, in.text("name", ""), in.fen("price", 0), in.text("period", ""),
                in.text("describe", ""), in.text("car_type", ""), in.integer("end_type", 0) == 1);
        db.write(c -> {
            store.savePackage(c, p);
            return null;
        });
        LOG.info("month_card_sync {} package {} {} {} fen", opName(op), id, p.name(), p.priceFen());
        return ok(reply, "月卡套餐同步成功!");
    }

    // ---- 3.7 month_member_sync --------------------------------------------------------------------------------

    private ObjectNode monthMemberSync(DownlinkFields in, ObjectNode reply) {
        String cardId = in.require("card_id");
        reply.put("card_id", cardId);
        int op = in.operateType(1, 2, 3, 4);
        if (op == 3) {
            boolean gone = db.write(c -> {
                Optional<MonthMember> m = store.findMonthMember(c, cardId);
                return m.isPresent() && store.deleteMonthMember(c, m.get().card().cardId());
            });
            LOG.info("month_member_sync deleted card {}{}", cardId, gone ? "" : " (was not here)");
            return ok(reply, "月卡会员删除成功!");
        }
        if (op == 4) {
            Instant end = in.requireInstant("end_time");
            Instant begin = in.instant("begin_time");
            String changed = db.write(c -> {
                Optional<MonthMember> m = store.findMonthMember(c, cardId);
                if (m.isEmpty()) {
                    return null;
                }
                String id = m.get().card().cardId();
                store.setMonthValidity(c, id, begin == null ? null : in.startDate(begin), in.endDate(end));
                return id;
            });
            if (changed == null) {
                return refuse(reply, "月卡会员不存在 card_id=" + cardId);
            }
            localId(reply, cardId, changed);
            LOG.info("month_member_sync card {} now valid until {}", changed, in.endDate(end));
            return ok(reply, "月卡有效期修改成功!");
        }
        List<String> plates = plates(in);
        Instant begin = in.requireInstant("begin_time");
        Instant end = in.requireInstant("end_time");
        if (end.isBefore(begin)) {
            throw new DownlinkFieldException("end_time 早于 begin_time");
        }
        String channels = in.text("channel_id", "");
        Set<String> channelSet = new LinkedHashSet<>();
        for (String ch : channels.split(",")) {
            if (!ch.isBlank()) {
                channelSet.add(ch.trim());
            }
        }
        int spaces = spaces(in.text("p_lot"));
        String owner = in.text("name", "");
        String vehicleClass = in.text("car_type_id", "");
        long price = in.fen("price", 0);
        long receivable = in.fen("amount_receivable", 0);
        int kind = in.integer("car_type", 1);
        String localId = db.write(c -> {
            Optional<MonthMember> existing = store.findMonthMember(c, cardId);
            String id;
            String origin;
            if (existing.isPresent()) {
                id = existing.get().card().cardId();
                origin = id.equals(cardId) ? JdbcListStore.CLOUD : JdbcListStore.BOOTH;
            } else {
                // card_id_local rule (notes §3.7): a member the booth already has under its own id is merged, and
                // the reply names the booth's id so that the cloud uses it from then on both ways.
                Optional<String> mine = store.boothCardWithPlates(c, plates);
                id = mine.orElse(cardId);
                origin = mine.isPresent() ? JdbcListStore.BOOTH : JdbcListStore.CLOUD;
            }
            MonthlyCard card = new MonthlyCard(id, plates, owner, in.startDate(begin), in.endDate(end), spaces,
                    vehicleClass, channelSet);
            store.saveMonthMember(c, new MonthMember(card, in.text("pid", ""), in.text("tel", ""),
                    in.text("address", ""), in.text("remark", ""), price, receivable, kind), origin,
                    id.equals(cardId) ? null : cardId);
            return id;
        });
        localId(reply, cardId, localId);
        LOG.info("month_member_sync {} card {} plates {} valid {}..{}", opName(op), localId, plates,
                in.startDate(begin), in.endDate(end));
        return ok(reply, "月卡会员同步成功!");
    }

    private static void localId(ObjectNode reply, String cloudId, String localId) {
        if (!localId.equals(cloudId)) {
            reply.put("card_id_local", localId);
        }
    }

    /** p_lot (车位): INFERRED as the number of spaces when it is a small positive number, else 1. */
    private static int spaces(String pLot) {
        if (pLot != null && pLot.matches("\\d{1,3}")) {
            return Math.max(1, Integer.parseInt(pLot));
        }
        return 1;
    }

    // ---- 3.8 collector_sync -----------------------------------------------------------------------------------

    /**
     * 3.8: the cloud's collectors are the booth's log-in accounts (proto4): added and changed ones become attendants
     * with no booth password until one is set here (role, password and lock-out stay the booth's); a deleted one can
     * no longer log in. No 2.4 is echoed back for a change that came from the cloud.
     */
    private ObjectNode collectorSync(DownlinkFields in, ObjectNode reply) {
        String raw = in.require("user_id");
        reply.put("user_id", raw);
        String id;
        try {
            id = com.boothdesk.app.domain.staff.Account.checkId(raw);
        } catch (IllegalArgumentException e) {
            throw new DownlinkFieldException("user_id 不是有效的工号: "
                    + com.boothdesk.app.domain.plate.SafeText.of(raw, 32));
        }
        int op = in.operateType(1, 2, 3);
        String given = in.text("name", "").strip();
        String name = given.length() > 24 ? given.substring(0, 24) : given;
        int sex = in.integer("sex", 0);
        com.boothdesk.app.store.staff.JdbcStaffStore.CloudChange done = db.write(c ->
                com.boothdesk.app.store.staff.JdbcStaffStore.applyCloudCollector(c, store, id, name, sex, op));
        LOG.info("collector_sync {} collector {} {}: {}", opName(op), id,
                com.boothdesk.app.domain.plate.SafeText.of(name, 24), done);
        return switch (done) {
            case CREATED, UPDATED -> ok(reply, "收费员同步成功!");
            case DISABLED -> ok(reply, "收费员删除成功!");
            case UNKNOWN -> ok(reply, "收费员不存在, 无需删除");
            case KEPT_LAST_ADMIN -> {
                reply.put("state", 0);
                reply.put("errmsg", "该收费员是本岗亭唯一的管理员, 不能删除");
                yield reply;
            }
        };
    }

    // ---- 3.9 lock_car -----------------------------------------------------------------------------------------

    private ObjectNode lockCar(DownlinkFields in, ObjectNode reply) {
        String orderId = in.require("order_id");
        reply.put("order_id", orderId);
        int locked = in.requireInt("is_locked");
        if (locked != 0 && locked != 1) {
            throw new DownlinkFieldException("未知的 is_locked=" + locked);
        }
        reply.put("is_locked", locked);
        if (locked == 0) {
            db.write(c -> store.unlock(c, orderId));
            LOG.info("lock_car: stay {} unlocked", orderId);
            return ok(reply, "解锁成功");
        }
        String key = in.text("lock_key", "");
        String given = in.text("car_number");
        String plate = db.write(c -> {
            Optional<String> p = store.plateOfOrder(c, orderId);
            String pl = p.orElse(given == null ? null : plate(given, "car_number"));
            if (pl == null || pl.isEmpty()) {
                return null;
            }
            store.lock(c, new CarLock(pl, clock.instant(), "cloud", orderId, key));
            return pl;
        });
        if (plate == null) {
            return refuse(reply, "锁车失败: 未找到订单 " + orderId);
        }
        LOG.info("lock_car: stay {} of {} locked by its owner", orderId, plate);
        return ok(reply, "锁车成功");
    }

    // ---- 3.12 deliver_ticket ----------------------------------------------------------------------------------

    private ObjectNode deliverTicket(DownlinkFields in, ObjectNode reply) {
        String ticketId = in.require("ticket_id");
        reply.put("ticket_id", ticketId);
        String plate = plate(in.require("car_number"), "car_number");
        int type = in.requireInt("ticket_type");
        String orderId = in.text("order_id", "");
        Instant now = clock.instant();
        Instant limit = in.instant("limit_day");
        Instant created = Optional.ofNullable(in.instant("create_time")).orElse(now);
        int timeRange = in.integer("time_range", 0);
        boolean multiUse = false;
        Coupon coupon;
        switch (type) {
            case 0 -> {
                Long fen = in.fen("money");
                if (fen == null) {
                    throw new DownlinkFieldException("缺少字段 money");
                }
                coupon = Coupon.amount(ticketId, fen);
            }
            case 1 -> {
                Long duration = in.number("duration");
                if (duration == null) {
                    throw new DownlinkFieldException("缺少字段 duration");
                }
                int unit = in.integer("ticket_unit", 1);
                long minutes = switch (unit) {
                    case 2 -> duration * 60;
                    case 3 -> duration * 1440;
                    default -> duration;
                };
                coupon = Coupon.minutes(ticketId, minutes);
            }
            case 2 -> {
                coupon = Coupon.full(ticketId);
                if (timeRange > 0) {
                    multiUse = true;
                    limit = earliest(limit, created.plus(Duration.ofHours(timeRange)));
                }
            }
            case 3 -> coupon = Coupon.percentOff(ticketId, percentOff(in.require("discount")));
            case 5 -> {
                coupon = Coupon.full(ticketId);
                if (timeRange > 0) {
                    limit = earliest(limit, Instant.ofEpochSecond(timeRange));
                }
            }
            case 4 -> {
                LOG.warn("deliver_ticket {}: external coupons (ticket_type 4) cannot be priced here", ticketId);
                return refuse(reply, "不支持外部优惠券");
            }
            default -> throw new DownlinkFieldException("未知的 ticket_type=" + type);
        }
        if (limit != null && limit.getEpochSecond() < 9_999_999_999L) {
            coupon = coupon.validUntil(limit);
        }
        IssuedCoupon ic = new IssuedCoupon(coupon, plate, orderId, type, multiUse, in.text("shop_name",
                in.text("shopName", "")), in.text("remark", ""));
        boolean used = db.write(c -> {
            boolean u = store.couponUsed(c, ticketId);
            store.saveCoupon(c, ic);
            return u;
        });
        LOG.info("deliver_ticket {} for {} ({} {}){}", ticketId, plate, ic.coupon().kind(), ic.coupon().value(),
                used ? ": already used, kept used" : "");
        return ok(reply, "已减免");
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /**
     * 折扣券额度 (discount): INFERRED reading, as the notes give no example: up to 10 it is 折 (8 = 8折 = 20% off,
     * 8.5 = 15% off), above 10 up to 100 the percent still to pay (80 = 20% off).
     */
    private static long percentOff(String discount) {
        java.math.BigDecimal d;
        try {
            d = new java.math.BigDecimal(discount.replace("折", "").trim());
        } catch (NumberFormatException e) {
            throw new DownlinkFieldException("字段 discount 不是折扣: " + discount);
        }
        if (d.signum() <= 0 || d.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            throw new DownlinkFieldException("字段 discount 超出范围: " + discount);
        }
        java.math.BigDecimal pay = d.compareTo(java.math.BigDecimal.TEN) <= 0 ? d.multiply(java.math.BigDecimal.TEN) : d;
        return 100 - pay.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
    }

    // ---- 3.13 gate_sync ---------------------------------------------------------------------------------------

    private ObjectNode gateSync(DownlinkFields in, ObjectNode reply) {
        String id = in.require("channel_id");
        reply.put("channel_id", id);
        int op = in.operateType(1, 2, 3);
        if (op == 3) {
            db.write(c -> store.deleteChannel(c, id));
            LOG.info("gate_sync deleted lane {}", id);
            if (channels != null) {
                channels.deleted(id);
            }
            return ok(reply, "通道删除成功!");
        }
        // 3.13 documents passtype 1 入口, 0 出口, 2 出入口 - the opposite of 2.14; this follows 3.13's own page.
        ParkChannel.Direction dir = switch (in.integer("passtype", 2)) {
            case 1 -> ParkChannel.Direction.ENTRY;
            case 0 -> ParkChannel.Direction.EXIT;
            default -> ParkChannel.Direction.BOTH;
        };
        ParkChannel ch = new ParkChannel(id, in.text("passname", ""), dir, in.text("lane_no", ""),
                in.text("device_no", ""));
        db.write(c -> {
            store.saveChannel(c, ch);
            return null;
        });
        LOG.info("gate_sync {} lane {} {} {}", opName(op), id, ch.name(), dir);
        if (channels != null) {
            channels.channel(ch);
        }
        return ok(reply, "通道同步成功!");
    }

    // ---- 3.14 blackuser_sync ----------------------------------------------------------------------------------

    private ObjectNode blackuserSync(DownlinkFields in, ObjectNode reply) {
        int op = in.operateType(1, 2, 3);
        String uuid = in.text("black_uuid");
        String rawPlate = in.text("car_number");
        if (uuid == null && rawPlate == null) {
            throw new DownlinkFieldException("缺少字段 black_uuid");
        }
        String plate = rawPlate == null ? null : plate(rawPlate, "car_number");
        // a private cloud may leave black_uuid out: the plate then identifies the entry
        String id = uuid != null ? uuid : "plate:" + plate;
        if (uuid != null) {
            reply.put("black_uuid", uuid);
        }
        if (op == 3) {
            db.write(c -> store.deleteBlacklist(c, id));
            LOG.info("blackuser_sync deleted blacklist entry {}", id);
            return ok(reply, "黑名单删除成功!");
        }
        if (plate == null || plate.isEmpty()) {
            throw new DownlinkFieldException("缺少字段 car_number");
        }
        Instant from = in.instant("start_time");
        Instant to = in.instant("end_time");
        BlacklistEntry b = new BlacklistEntry(plate, in.text("resume", ""), id,
                from == null ? null : in.local(from), to == null ? null : in.local(to), null, null, Set.of());
        db.write(c -> {
            store.saveBlacklist(c, b, in.text("operator", ""));
            return null;
        });
        LOG.info("blackuser_sync {} {} ({}) {}..{}", opName(op), plate, id, b.validFrom(), b.validTo());
        return ok(reply, "黑名单同步成功!");
    }

    // ---- 3.15 car_type_sync -----------------------------------------------------------------------------------

    private ObjectNode carTypeSync(DownlinkFields in, ObjectNode reply) {
        String id = in.require("car_type_id");
        reply.put("car_type_id", id);
        int op = in.operateType(1, 2, 3);
        if (op == 3) {
            db.write(c -> store.deleteCarType(c, id));
            LOG.info("car_type_sync deleted car type {}", id);
            return ok(reply, "车型删除成功!");
        }
        CarType t = new CarType(id, in.text("name", ""), in.integer("sort", 0));
        db.write(c -> {
            store.saveCarType(c, t);
            return null;
        });
        LOG.info("car_type_sync {} car type {} {}", opName(op), id, t.name());
        return ok(reply, "车型数据下发成功!");
    }

    // ---- 3.16 month_pay_sync ----------------------------------------------------------------------------------

    private ObjectNode monthPaySync(DownlinkFields in, ObjectNode reply) {
        String tradeNo = in.require("trade_no");
        reply.put("trade_no", tradeNo);
        String cardId = in.require("card_id");
        reply.put("card_id", cardId);
        Instant end = in.requireInstant("end_time");
        Instant start = in.instant("start_time");
        Instant paid = Optional.ofNullable(in.instant("pay_time")).orElse(clock.instant());
        long receivable = in.fen("amount_receivable", 0);
        long pay = in.fen("amount_pay", 0);
        String result = db.write(c -> {
            Optional<MonthMember> m = store.findMonthMember(c, cardId);
            if (m.isEmpty()) {
                return null;
            }
            MonthlyCard card = m.get().card();
            LocalDate from = start == null ? null : in.startDate(start);
            MonthRenewal r = new MonthRenewal(tradeNo, card.cardId(), paid, receivable, pay, in.text("pay_type", ""),
                    in.text("collector", ""), in.integer("buy_month", 0), from, in.endDate(end),
                    in.text("resume", ""));
            if (!store.insertRenewal(c, r, JdbcListStore.CLOUD)) {
                return "dup";
            }
            LocalDate keepFrom = from != null && from.isBefore(card.validFrom()) ? from : null;
            store.setMonthValidity(c, card.cardId(), keepFrom, r.validTo());
            return card.cardId();
        });
        if (result == null) {
            return refuse(reply, "月卡会员不存在 card_id=" + cardId);
        }
        if (result.equals("dup")) {
            LOG.info("month_pay_sync {} was already applied: nothing changed", tradeNo);
        } else {
            LOG.info("month_pay_sync {}: card {} renewed until {}", tradeNo, result, in.endDate(end));
        }
        return ok(reply, "月卡续费记录下发成功!");
    }

    // ---- 3.19 visitor_sync ------------------------------------------------------------------------------------

    private ObjectNode visitorSync(DownlinkFields in, ObjectNode reply) {
        String id = in.require("visitor_id");
        if (id.matches("\\d{1,18}")) {
            reply.put("visitor_id", Long.parseLong(id));
        } else {
            reply.put("visitor_id", id);
        }
        int op = in.operateType(1, 2, 3);
        if (op == 3) {
            db.write(c -> store.deleteVisitor(c, id));
            LOG.info("visitor_sync deleted visitor {}", id);
            return ok(reply, "访客删除成功");
        }
        String plate = plate(in.text("car_number", ""), "car_number");
        Instant now = clock.instant();
        Instant from = Optional.ofNullable(in.instant("begin_time")).orElse(now);
        Instant to = in.instant("end_time");
        if (to == null) {
            // no end given: the rest of the day it starts
            to = in.startDate(from).plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        }
        if (to.isBefore(from)) {
            throw new DownlinkFieldException("end_time 早于 begin_time");
        }
        // state (审核状态) missing = not approved: the car is charged as a temporary car rather than let in free
        int approval = in.integer("state", 0);
        String remark = String.join(" ", in.text("remark", ""), in.text("attributes", "")).trim();
        VisitorRecord v = new VisitorRecord(id, new VisitorPass(plate, from, to, in.integer("max_entries", 0), 0),
                approval, in.text("channel_id", ""), in.text("mobile", ""), remark);
        db.write(c -> {
            store.saveVisitor(c, v);
            return null;
        });
        LOG.info("visitor_sync {} visitor {} {} {}..{} approval {}", opName(op), id, plate, from, to, approval);
        return ok(reply, approval == VisitorRecord.APPROVED ? "访客申请成功" : "访客记录已保存");
    }

    // ---- 3.20 prepay_card_sync --------------------------------------------------------------------------------

    private ObjectNode prepayCardSync(DownlinkFields in, ObjectNode reply) {
        String id = in.require("card_id");
        reply.put("card_id", id);
        int op = in.operateType(1, 2, 3);
        if (op == 3) {
            db.write(c -> store.deleteStoredValue(c, id));
            LOG.info("prepay_card_sync deleted stored-value card {}", id);
            return ok(reply, "储值卡会员删除成功!");
        }
        List<String> plates = plates(in);
        Long total = in.fen("total_price");
        long balance = db.write(c -> {
            Optional<StoredValueAccount> old = store.findStoredValue(c, id);
            long b = total != null ? total : old.map(StoredValueAccount::balanceFen).orElse(0L);
            store.saveStoredValue(c, new StoredValueAccount(id, plates, in.text("name", ""), in.text("mobile", ""),
                    b, in.text("car_type_id", ""), in.text("remark", "")));
            return b;
        });
        LOG.info("prepay_card_sync {} card {} plates {} balance {} fen", opName(op), id, plates, balance);
        return ok(reply, "储值卡会员同步成功!");
    }

    // ---- 3.21 prepay_card_trade_sync --------------------------------------------------------------------------

    private ObjectNode prepayCardTradeSync(DownlinkFields in, ObjectNode reply) {
        String tradeNo = in.require("trade_no");
        reply.put("trade_no", tradeNo);
        String cardId = in.require("card_id");
        Long amount = in.fen("total_price");
        if (amount == null) {
            throw new DownlinkFieldException("缺少字段 total_price");
        }
        int account = in.integer("account_type", amount < 0 ? 0 : 1);
        long signed = account == 0 ? -Math.abs(amount) : amount;
        StoredValueTrade t = new StoredValueTrade(tradeNo, cardId,
                signed < 0 ? StoredValueTrade.Kind.REFUND : StoredValueTrade.Kind.TOP_UP, signed,
                in.fen("actual_money", Math.abs(signed)), in.text("pay_type", ""),
                Plates.normalise(in.text("car_number", "")), "",
                Optional.ofNullable(in.instant("pay_time")).orElse(clock.instant()));
        String result = db.write(c -> {
            if (store.findStoredValue(c, cardId).isEmpty()) {
                return "unknown";
            }
            return store.applyTrade(c, t, JdbcListStore.CLOUD) ? "applied" : "dup";
        });
        if (result.equals("unknown")) {
            return refuse(reply, "储值卡不存在 card_id=" + cardId);
        }
        LOG.info("prepay_card_trade_sync {} card {} {} fen: {}", tradeNo, cardId, signed,
                result.equals("dup") ? "already applied, nothing changed" : "applied");
        return ok(reply, signed < 0 ? "储值卡退款成功" : "储值卡续费成功");
    }

    // ---- 3.27 white_list_sync ---------------------------------------------------------------------------------

    private ObjectNode whiteListSync(DownlinkFields in, ObjectNode reply) {
        String plate = plate(in.require("car_number"), "car_number");
        int op = in.operateType(1, 2, 3);
        reply.put("operate_type", String.valueOf(op));
        if (op == 3) {
            db.write(c -> store.deleteWhite(c, plate));
            LOG.info("white_list_sync deleted internal car {}", plate);
            return ok(reply, "成功!");
        }
        Instant b = Optional.ofNullable(in.instant("b_time")).orElse(clock.instant());
        Instant e = in.instant("e_time");
        boolean longTerm = in.integer("end_type", e == null ? 1 : 0) == 1;
        LocalDate to = longTerm || e == null ? WhiteListEntry.FOREVER : in.endDate(e);
        String location = in.text("car_location", "");
        String remark = (location.isEmpty() ? "" : "车位 " + location + " ") + in.text("remark", "");
        WhiteListEntry w = new WhiteListEntry(plate, in.text("user_name", ""), in.startDate(b), to, remark.trim());
        db.write(c -> {
            store.saveWhite(c, w, in.text("caed_id", in.text("card_id", "")));
            return null;
        });
        LOG.info("white_list_sync {} internal car {} {}..{}", opName(op), plate, w.validFrom(), w.validTo());
        return ok(reply, "成功!");
    }

    private static String opName(int op) {
        return switch (op) {
            case 1 -> "added";
            case 2 -> "modified";
            case 3 -> "deleted";
            default -> "changed";
        };
    }
}
