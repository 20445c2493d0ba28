package com.boothdesk.app.cloud;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lists.IssuedCoupon;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthPackage;
import com.boothdesk.app.domain.lists.MonthRenewal;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.Plates;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.sdk.message.downlink.CheckVip;
import com.boothdesk.sdk.message.downlink.ConfirmOrderInform;
import com.boothdesk.sdk.message.downlink.DownlinkFields;
import com.boothdesk.sdk.message.downlink.DownlinkReply;
import com.boothdesk.sdk.message.downlink.MemberDiscount;
import com.boothdesk.sdk.message.downlink.MonthCardPay;
import com.boothdesk.sdk.message.downlink.MonthCardPriceQuery;
import com.boothdesk.sdk.message.downlink.ParkValid;
import com.boothdesk.sdk.message.downlink.PassThrough;
import com.boothdesk.sdk.message.downlink.QueryCarInfo;
import com.boothdesk.sdk.protocol.ServiceName;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The cloud's downlinks about the park, its month cards and its third parties: month-card renewal paid online (3.10),
 * renewal and new-card prices answered from the 3.6 packages (3.11, 3.34), the cloud operator's manual match (3.17),
 * pass-through (3.22), the spaces query whose name the notes do not give (3.26), member coupons (3.30), the park's
 * validity (3.35), and the city platform's questions answered from the local lists (3.38, 3.40). Each is read into
 * its record (strict answers, tolerant reading) and answered as the notes say; resends change nothing twice.
 */
public final class ParkDownlinks {

    private static final Logger LOG = LoggerFactory.getLogger(ParkDownlinks.class);
    /** cloud_park_state row of 3.35. */
    static final String PARK_VALID_UNTIL = "park_valid_until";
    /** Warn the attendant this long before the park's validity ends. */
    public static final Duration VALIDITY_WARNING = Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Database db;
    private final OrderRepository orders;
    private final Map<String, LaneController> lanes;
    private final JdbcParkSpaces spaces;
    private final Clock clock;
    private final ZoneId zone;
    private final JdbcListStore store;
    /** 3.35's validity, read from the database once and kept with every 3.35 (the header asks every second). */
    private volatile Optional<Instant> validUntil;

    public ParkDownlinks(Database db, OrderRepository orders, Map<String, LaneController> lanes, JdbcParkSpaces spaces,
                         ZoneId zone, Clock clock) {
        this.db = db;
        this.orders = orders;
        this.lanes = Map.copyOf(lanes);
        this.spaces = spaces;
        this.zone = zone;
        this.clock = clock;
        this.store = new JdbcListStore(clock);
    }

    public void register(DownlinkRouter router) {
        router.on(MonthCardPay.TYPE, DownlinkRouter.Handling.EFFECT, "extends the month card, answers the new validity",
                this::monthCardPay);
        router.on(MonthCardPriceQuery.RENEWAL, DownlinkRouter.Handling.EFFECT,
                "answers the price from the 3.6 package of the card", this::price);
        router.on(MonthCardPriceQuery.NEW_CARD, DownlinkRouter.Handling.EFFECT,
                "answers the price from the 3.6 package pid", this::price);
        router.on(ConfirmOrderInform.TYPE, DownlinkRouter.Handling.EFFECT,
                "the matched stay becomes the exit's car to pay", this::confirmOrder);
        router.on(PassThrough.TYPE, DownlinkRouter.Handling.EFFECT, "kept as received (cloud_pass_through)",
                this::passThrough);
        router.on(MemberDiscount.TYPE, DownlinkRouter.Handling.EFFECT,
                "the chosen coupons are bound to the stay; the next price query is reduced", this::memberDiscount);
        router.on(ParkValid.TYPE, DownlinkRouter.Handling.EFFECT, "kept; warned before it ends", this::parkValid);
        router.on(CheckVip.TYPE, DownlinkRouter.Handling.EFFECT, "answered from the local month cards",
                this::checkVip);
        router.on(QueryCarInfo.TYPE, DownlinkRouter.Handling.EFFECT,
                "answered from the month cards / white list", this::queryCarInfo);
        router.onUnnamed("3.26", DownlinkRouter.Handling.EFFECT,
                "name not in the notes: recognised by query_time; answered from the live count",
                ParkDownlinks::isSpacesQuery, this::spacesQuery);
    }

    // ---- 3.10 monthcard_pay ----------------------------------------------------------------------------------

    DownlinkReply monthCardPay(MonthCardPay p) {
        Instant paid = p.payTime() == null ? clock.instant() : p.payTime();
        Optional<LocalDate> to = db.write(c -> {
            Optional<MonthMember> m = store.findMonthMember(c, p.cardId());
            if (m.isEmpty()) {
                return Optional.empty();
            }
            MonthlyCard card = m.get().card();
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            LocalDate from = card.validTo().isBefore(today) ? today : card.validTo().plusDays(1);
            if (p.startTime() != null) {
                LocalDate asked = LocalDate.ofInstant(p.startTime(), zone);
                from = asked.isAfter(from) ? asked : from;
            }
            LocalDate end = from.plusMonths(p.months()).minusDays(1);
            MonthRenewal r = new MonthRenewal(p.tradeNo(), card.cardId(), paid, p.payFen(), p.payFen(),
                    "monthcard_pay", "bolink", p.months(), from, end, cut(p.remark(), 64));
            if (store.insertRenewal(c, r, JdbcListStore.CLOUD)) {
                store.setMonthValidity(c, card.cardId(), null, end);
                return Optional.of(end);
            }
            // a resend: the renewal is already applied, answer the validity the card has
            return Optional.of(store.findMonthMember(c, p.cardId()).orElseThrow().card().validTo());
        });
        if (to.isEmpty()) {
            return DownlinkReply.refused("月卡会员不存在 card_id=" + cut(p.cardId(), 24)).with("trade_no", p.tradeNo());
        }
        LOG.info("monthcard_pay {}: card {} paid {} fen for {} month(s), valid until {}", p.tradeNo(), p.cardId(),
                p.payFen(), p.months(), to.get());
        return DownlinkReply.ok("月卡续费成功,有效期至 " + DAY.format(to.get())).with("trade_no", p.tradeNo())
                .with("park_id", p.parkId()).withMoney("pay_money", p.payFen());
    }

    // ---- 3.11 query_prodprice / 3.34 query_newprodprice ------------------------------------------------------

    DownlinkReply price(MonthCardPriceQuery q) {
        Optional<MonthPackage> pkg = db.read(c -> {
            String pid = q.packageId();
            if ((pid == null || pid.isBlank() || "-1".equals(pid)) && q.cardId() != null) {
                pid = store.findMonthMember(c, q.cardId()).map(MonthMember::packageId).orElse(null);
            }
            return pid == null || pid.isBlank() ? Optional.<MonthPackage>empty() : store.findPackage(c, pid);
        });
        if (pkg.isEmpty()) {
            String what = q.packageId() != null ? "套餐 " + cut(q.packageId(), 24) : "月卡 " + cut(q.cardId(), 24) + " 的套餐";
            return DownlinkReply.refused("未找到" + what).with("trade_no", q.tradeNo());
        }
        long fen;
        try {
            fen = priceOf(pkg.get().priceFen(), q.months(), q.discount(), q.discountType());
        } catch (IllegalArgumentException e) {
            return DownlinkReply.badValue("discount", q.discount()).with("trade_no", q.tradeNo());
        }
        LOG.info("{} {}: package {} x {} = {} fen", q.name().wire(), q.tradeNo(), pkg.get().packageId(), q.months(),
                fen);
        return DownlinkReply.ok("查询月卡价格成功").with("trade_no", q.tradeNo()).withMoney("price", fen);
    }

    /**
     * The package's price per period times the periods asked, with the package discount the cloud sends:
     * discount_type 0 折扣 (8 = 8折), 1 免收周期 (periods free), 2 应收金额 (the amount to pay, 元).
     */
    static long priceOf(long perPeriodFen, int periods, String discount, Integer discountType) {
        long gross = Math.multiplyExact(perPeriodFen, periods);
        if (discountType == null || discount == null || discount.isBlank()) {
            return gross;
        }
        java.math.BigDecimal d = new java.math.BigDecimal(discount.trim());
        return switch (discountType) {
            case 0 -> {
                java.math.BigDecimal rate = d.compareTo(java.math.BigDecimal.TEN) <= 0 ? d.movePointLeft(1)
                        : d.movePointLeft(2);
                if (rate.signum() < 0 || rate.compareTo(java.math.BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("discount");
                }
                yield java.math.BigDecimal.valueOf(gross).multiply(rate)
                        .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            }
            case 1 -> Math.max(0, perPeriodFen * (periods - d.intValueExact()));
            case 2 -> com.boothdesk.sdk.message.Fen.parse(d.toPlainString());
            default -> throw new IllegalArgumentException("discount_type");
        };
    }

    // ---- 3.17 confirm_order_inform ---------------------------------------------------------------------------

    DownlinkReply confirmOrder(ConfirmOrderInform m) {
        LaneController lane = lanes.get(m.channelId());
        if (lane == null || lane.lane().direction() != LaneDirection.EXIT) {
            return DownlinkReply.refused("通道 " + cut(m.channelId(), 16) + " 不是本岗亭的出口");
        }
        Optional<ParkingOrder> order = orders.find(m.orderId());
        if (order.isEmpty() || order.get().status() != OrderStatus.IN_LOT) {
            return DownlinkReply.refused("未查询到在场订单 " + cut(m.orderId(), 48));
        }
        Optional<LanePhase> waiting = lane.waitingPhase();
        if (lane.waitingToPay().filter(w -> w.order().orderId().equals(m.orderId())).isPresent()) {
            return DownlinkReply.ok("手动匹配订单成功!"); // a resend: already the car to pay
        }
        if (waiting.isEmpty() || (waiting.get() != LanePhase.AWAITING_MATCH && waiting.get() != LanePhase.NO_RECORD)) {
            return DownlinkReply.refused("出口 " + m.channelId() + " 没有待匹配的车辆");
        }
        try {
            lane.pick(m.orderId()).get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return DownlinkReply.refused("匹配失败: " + (e.getCause() == null ? e : e.getCause()).getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            return DownlinkReply.refused("匹配超时");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DownlinkReply.refused("匹配中断");
        }
        LOG.info("confirm_order_inform {}: the cloud matched order {} ({}) at exit {}", m.eventId(), m.orderId(),
                order.get().plate(), m.channelId());
        return DownlinkReply.ok("手动匹配订单成功!");
    }

    // ---- 3.22 pass_through -----------------------------------------------------------------------------------

    DownlinkReply passThrough(PassThrough p) {
        String body = p.data() == null ? "{}" : WireCodec.toJson(p.data());
        if (body.length() > 4000) {
            return DownlinkReply.refused("透传数据过长 (" + body.length() + " 字符)");
        }
        if (p.uuid().length() > 64) {
            return DownlinkReply.badValue("uuid", p.uuid());
        }
        boolean fresh = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO cloud_pass_through t USING (VALUES (CAST(? AS VARCHAR(64)))) s(u) ON t.uuid = s.u "
                            + "WHEN NOT MATCHED THEN INSERT (uuid, trade_no, body, received_at) VALUES (s.u, ?, ?, ?)")) {
                ps.setString(1, p.uuid());
                ps.setString(2, p.tradeNo() == null ? null : cut(p.tradeNo(), 64));
                ps.setString(3, body);
                ps.setTimestamp(4, Timestamp.from(clock.instant()));
                return ps.executeUpdate() == 1;
            }
        });
        LOG.info("pass_through {} kept{}: {}", p.uuid(), fresh ? "" : " (resend)", SafeText.of(body, 200));
        return DownlinkReply.ok("success").with("uuid", p.uuid()).with("trade_no", p.tradeNo());
    }

    /** The pass-through messages kept, newest first (the back office shows them). */
    public List<String> passThroughBodies(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT body FROM cloud_pass_through ORDER BY received_at DESC, uuid")) {
                ps.setMaxRows(Math.max(1, limit));
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> out = new java.util.ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                }
            }
        });
    }

    // ---- 3.26 (no name in the notes) -------------------------------------------------------------------------

    /** INFERRED from the open API getparkempty: a push that carries query_time and is no known message. */
    static boolean isSpacesQuery(ObjectNode d) {
        ObjectNode in = d.get("data") instanceof ObjectNode o ? o : d;
        return in.has("query_time") && !in.has("order_id") && !in.has("car_number");
    }

    DownlinkReply spacesQuery(DownlinkFields in) {
        int total = spaces.areas().stream().mapToInt(spaces::capacity).sum();
        int free = spaces.free();
        ObjectNode empty = WireCodec.MAPPER.createObjectNode();
        empty.put("carport_total", total);
        empty.put("empty_total", free);
        empty.put("position", String.join(",", spaces.areas()));
        return DownlinkReply.ok("success").with("carport_total", total).with("empty_total", free)
                .with("position", String.join(",", spaces.areas())).with("empty_data", empty);
    }

    // ---- 3.30 member_discount --------------------------------------------------------------------------------

    DownlinkReply memberDiscount(MemberDiscount m) {
        if (m.pointsUse() > 0) {
            // the notes give no rate from points to money, so points cannot be priced here
            return DownlinkReply.refused("本车场未配置积分抵扣规则,积分未使用").with("request_no", m.requestNo());
        }
        Optional<ParkingOrder> order = orders.find(m.orderId());
        if (order.isEmpty() || order.get().status() != OrderStatus.IN_LOT) {
            return DownlinkReply.refused("未查询到在场订单 " + cut(m.orderId(), 48)).with("request_no", m.requestNo());
        }
        String plate = Plates.normalise(m.carNumber());
        String missing = db.write(c -> {
            for (String id : m.couponIds()) {
                if (store.findCoupon(c, id).isEmpty()) {
                    return id;
                }
            }
            for (String id : m.couponIds()) {
                IssuedCoupon ic = store.findCoupon(c, id).orElseThrow();
                store.saveCoupon(c, new IssuedCoupon(ic.coupon(), plate, m.orderId(), ic.ticketType(), ic.multiUse(),
                        ic.shopName(), ic.remark().isEmpty() ? "泊链会员 " + cut(m.memberId(), 24) : ic.remark()));
            }
            return null;
        });
        if (missing != null) {
            return DownlinkReply.refused("未知的电子券 " + cut(missing, 32)).with("request_no", m.requestNo());
        }
        LOG.info("member_discount {}: {} coupon(s) bound to order {} ({})", m.requestNo(), m.couponIds().size(),
                m.orderId(), plate);
        return DownlinkReply.ok("用券成功!").with("request_no", m.requestNo());
    }

    // ---- 3.35 park_valid -------------------------------------------------------------------------------------

    DownlinkReply parkValid(ParkValid v) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO cloud_park_state t USING (VALUES (CAST(? AS VARCHAR(64)))) s(k) ON t.state_key = s.k "
                            + "WHEN MATCHED THEN UPDATE SET state_value = ?, updated_at = ? "
                            + "WHEN NOT MATCHED THEN INSERT (state_key, state_value, updated_at) VALUES (s.k, ?, ?)")) {
                Timestamp now = Timestamp.from(clock.instant());
                String value = Long.toString(v.expTime().getEpochSecond());
                ps.setString(1, PARK_VALID_UNTIL);
                ps.setString(2, value);
                ps.setTimestamp(3, now);
                ps.setString(4, value);
                ps.setTimestamp(5, now);
                ps.executeUpdate();
            }
            return null;
        });
        validUntil = Optional.of(v.expTime());
        if (v.expTime().isBefore(clock.instant().plus(VALIDITY_WARNING))) {
            LOG.warn("车场有效期将于 {} 到期 (park_valid from the cloud)", v.expTime().atZone(zone).toLocalDate());
        } else {
            LOG.info("park_valid: the park is valid until {}", v.expTime().atZone(zone).toLocalDate());
        }
        return DownlinkReply.ok("success").with("uuid", v.uuid());
    }

    /** The park's validity as last sent by 3.35, if ever. */
    public Optional<Instant> parkValidUntil() {
        Optional<Instant> kept = validUntil;
        if (kept != null) {
            return kept;
        }
        kept = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state_value FROM cloud_park_state WHERE state_key = ?")) {
                ps.setString(1, PARK_VALID_UNTIL);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(rs.getString(1))))
                            : Optional.<Instant>empty();
                }
            }
        });
        validUntil = kept;
        return kept;
    }

    /**
     * The park's validity within {@link #VALIDITY_WARNING} of its end (or past it): its last day in the site's zone
     * (exp_time is the moment it ends, so a midnight end names the day before) and whether it has passed.
     */
    public Optional<Validity> validity() {
        Instant now = clock.instant();
        return parkValidUntil().filter(t -> t.isBefore(now.plus(VALIDITY_WARNING)))
                .map(t -> new Validity(t.minusSeconds(1).atZone(zone).toLocalDate(), !t.isAfter(now)));
    }

    /** @param until the last valid day; @param expired the validity has ended */
    public record Validity(LocalDate until, boolean expired) {
    }

    /** The text the header shows: empty while the validity is far, "车场有效期至 …" within the warning time. */
    public Optional<String> validityWarning() {
        return parkValidUntil().filter(t -> t.isBefore(clock.instant().plus(VALIDITY_WARNING)))
                .map(t -> (t.isBefore(clock.instant()) ? "车场有效期已于 " : "车场有效期至 ")
                        + DAY.format(t.atZone(zone).toLocalDate()));
    }

    // ---- 3.38 check_vip / 3.40 query_car_info ----------------------------------------------------------------

    DownlinkReply checkVip(CheckVip q) {
        String plate = Plates.normalise(q.carNumber());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = q.startDate() == null ? today : q.startDate();
        LocalDate to = q.endDate() == null ? from : q.endDate();
        List<MonthlyCard> cards = db.read(c -> store.monthlyCardsOf(c, plate));
        boolean covered = cards.stream().anyMatch(k -> k.validOn(from) && k.validOn(to));
        if (!covered) {
            return DownlinkReply.refused(cards.isEmpty() ? "非本车场包月车辆" : "包月有效期不覆盖 " + from + " 至 " + to);
        }
        return DownlinkReply.ok("包月有效");
    }

    DownlinkReply queryCarInfo(QueryCarInfo q) {
        String plate = q.carNumber() == null ? null : Plates.normalise(q.carNumber());
        ObjectNode data = WireCodec.MAPPER.createObjectNode();
        boolean found = db.read(c -> {
            if (q.special()) {
                Optional<WhiteListEntry> w = plate == null ? Optional.empty() : store.findWhite(c, plate);
                w.ifPresent(e -> {
                    data.put("car_number", e.plate());
                    data.put("user_name", e.name());
                    data.put("car_type", 0);
                    data.put("start_time", DAY.format(e.validFrom()));
                    data.put("end_time", DAY.format(e.validTo()));
                    data.put("describe", e.remark());
                });
                return w.isPresent();
            }
            Optional<MonthMember> m = q.cardId() != null ? store.findMonthMember(c, q.cardId())
                    : store.monthlyCardsOf(c, plate).stream().findFirst()
                    .flatMap(k -> findMember(c, k.cardId()));
            m.ifPresent(x -> {
                data.put("car_number", String.join(",", x.card().plates()));
                data.put("user_name", x.card().owner());
                data.put("tel", x.tel());
                data.put("car_type", 1);
                data.put("card_id", x.card().cardId());
                data.put("start_time", DAY.format(x.card().validFrom()));
                data.put("end_time", DAY.format(x.card().validTo()));
                data.put("describe", x.remark());
            });
            return m.isPresent();
        });
        if (!found) {
            return DownlinkReply.refused(q.special() ? "非本车场特殊车辆" : "非本车场月卡车辆");
        }
        return DownlinkReply.ok("success").with("data", data);
    }

    private Optional<MonthMember> findMember(java.sql.Connection c, String cardId) {
        try {
            return store.findMonthMember(c, cardId);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** At most {@code max} characters (for stored values and answers; logs escape through SafeText). */
    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    /** The names this class answers, for the coverage report's tests. */
    static List<ServiceName> names() {
        return List.of(ServiceName.MONTHCARD_PAY, ServiceName.QUERY_PRODPRICE, ServiceName.QUERY_NEWPRODPRICE,
                ServiceName.CONFIRM_ORDER_INFORM, ServiceName.PASS_THROUGH, ServiceName.MEMBER_DISCOUNT,
                ServiceName.PARK_VALID, ServiceName.CHECK_VIP, ServiceName.QUERY_CAR_INFO);
    }
}
