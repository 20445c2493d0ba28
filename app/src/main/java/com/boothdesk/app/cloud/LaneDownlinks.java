package com.boothdesk.app.cloud;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.sdk.message.QueryPrice;
import com.boothdesk.sdk.poll.PaymentStatusPoller;
import com.boothdesk.sdk.protocol.ServiceName;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The cloud's downlinks that act on stays and lanes: price query (3.1), prepayment (3.2), no-plate entry (3.3),
 * remote barrier (3.18),
 * remaining spaces (3.39), manual entry (3.42), plate correction (3.43). Each is idempotent where the cloud
 * resends, validated (a missing key field is answered state 0 naming it), and answered with the documented fields.
 */
public final class LaneDownlinks {

    private static final Logger LOG = LoggerFactory.getLogger(LaneDownlinks.class);

    private final OrderRepository orders;
    private final Map<String, LaneController> lanes;
    private final JdbcParkSpaces spaces;
    private final Clock clock;
    private final String vehicleClass;
    private final PaymentStatusPoller poller;
    private final Clock linkClock;
    private LaneCapture capture;

    /**
     * @param poller    polls 2.19 query_order after an exit price was returned (null: no cloud link)
     * @param linkClock the poller's clock
     */
    public LaneDownlinks(OrderRepository orders, Map<String, LaneController> lanes, JdbcParkSpaces spaces,
                         Clock clock, String vehicleClass, PaymentStatusPoller poller, Clock linkClock) {
        this.orders = orders;
        this.lanes = Map.copyOf(lanes);
        this.spaces = spaces;
        this.clock = clock;
        this.vehicleClass = vehicleClass;
        this.poller = poller;
        this.linkClock = linkClock;
    }

    /** Where 3.31 capture requests go. */
    public LaneDownlinks withCapture(LaneCapture c) {
        this.capture = c;
        return this;
    }

    public void register(DownlinkRouter router) {
        on(router, ServiceName.NOTICE_CAPTURE, "the lane is captured, the picture goes up as 2.12", this::noticeCapture);
        on(router, ServiceName.QUERY_PRICE, "the stay's fee now (exit QR: the car waiting at the exit)",
                this::queryPrice);
        on(router, ServiceName.PREPAY_ORDER, "the prepayment is recorded; the exit decides again", this::prepayOrder);
        on(router, ServiceName.NOLICENCE_IN_PARK, "the no-plate car is let in under its pseudo-plate",
                this::noPlateEntry);
        on(router, ServiceName.OPERATE_LIFTROD, "the barrier is lifted / lowered", this::operateLiftrod);
        on(router, ServiceName.SPACE_NOTIFY, "the free-space count is set", this::spaceNotify);
        on(router, ServiceName.MANUAL_INPARK, "the stay is created and uploaded (2.1)", this::manualEntry);
        on(router, ServiceName.CHANGE_CAR_NUMBER, "the stay's plate is corrected", this::changePlate);
    }

    private static void on(DownlinkRouter router, ServiceName name, String note,
                           java.util.function.Function<ObjectNode, ObjectNode> h) {
        router.on(com.boothdesk.sdk.message.downlink.DownlinkType.raw(name), DownlinkRouter.Handling.EFFECT, note,
                raw -> {
                    ObjectNode r = h.apply(raw.fields().message());
                    if (!r.has("state")) {
                        r.put("state", 1);
                    }
                    return com.boothdesk.sdk.message.downlink.DownlinkReply.of(r);
                });
    }

    /**
     * 3.1: the price of a stay. pay_scene 0 (prepay in the lot) and 2 name the stay; pay_scene 1 (the driver
     * scanned the exit QR code) asks for the car waiting at {@code out_channel_id}.
     */
    ObjectNode queryPrice(ObjectNode d) {
        QueryPrice q = QueryPrice.fromJson(d);
        Instant now = clock.instant();
        String scene = text(d, "pay_scene");
        if ("1".equals(scene) || ("2".equals(scene) && q.outChannelId() != null
                && (q.orderId() == null || q.orderId().isBlank()))) {
            LaneController lane = q.outChannelId() == null ? null : lanes.get(q.outChannelId());
            if (lane == null || lane.lane().direction() != LaneDirection.EXIT) {
                return q.notFound("通道 " + q.outChannelId() + " 不是本岗亭的出口");
            }
            return lane.waitingToPay().map(w -> {
                ObjectNode a = answer(q, w.order(), w.quote(), now, lane);
                watchPayment(w.order());
                return a;
            }).orElseGet(() -> q.notFound("出口无待缴费车辆"));
        }
        String orderId = q.orderId() == null || q.orderId().isBlank() ? null : q.orderId();
        Optional<ParkingOrder> order = orderId != null ? orders.find(orderId)
                : q.carNumber() == null || q.carNumber().isBlank() ? Optional.empty() : orders.findInLot(q.carNumber());
        if (order.isEmpty() || order.get().status() != com.boothdesk.app.domain.order.OrderStatus.IN_LOT) {
            return q.notFound("未查询到此订单");
        }
        LaneController any = lanes.values().stream().filter(l -> l.lane().direction() == LaneDirection.EXIT)
                .findFirst().orElse(lanes.values().iterator().next());
        return answer(q, order.get(), any.priceNow(order.get(), now), now, any);
    }

    /**
     * The seed's rule (2.19): 10 s after the exit price was returned, ask query_order every 2 s until paid or two
     * minutes have passed; a payment found that way counts as the payment message would.
     */
    private void watchPayment(ParkingOrder order) {
        if (poller == null) {
            return;
        }
        poller.watch(order.orderId(), order.plate(), linkClock.instant(), result -> result.payment()
                .filter(p -> p.paid() && p.tradeNo() != null)
                .ifPresent(p -> {
                    Instant paidAt = p.payTime() > 0 ? Instant.ofEpochSecond(p.payTime()) : clock.instant();
                    try {
                        if (orders.recordPrepayment(p.tradeNo(), order.orderId(), p.moneyFen(), paidAt,
                                clock.instant())) {
                            LOG.info("Payment {} of {} for order {} found by query_order", p.tradeNo(),
                                    Fen.format(p.moneyFen()), order.orderId());
                            lanes.values().stream().filter(l -> l.lane().direction() == LaneDirection.EXIT)
                                    .forEach(l -> l.prepaid(order.orderId()));
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("Payment {} for order {} could not be recorded: {}", p.tradeNo(), order.orderId(),
                                e.toString());
                    }
                }));
    }

    private static ObjectNode answer(QueryPrice q, ParkingOrder o, FeeQuote quote, Instant now, LaneController lane) {
        LOG.info("Price query {} for {} (order {}): {} to pay of {}", q.queryOrderNo(), o.plate(), o.orderId(),
                Fen.format(quote.totalFen()), Fen.format(quote.grossFen()));
        return q.answer(o.orderId(), o.plate(), quote.totalFen(), quote.grossFen(), quote.stayMinutes(),
                lane.rules().prepaidGraceMinutes(), now.getEpochSecond(), quote.discountFen());
    }

    /** 3.2: money paid for an in-lot stay; the cloud settles to the park only after state 1. */
    ObjectNode prepayOrder(ObjectNode d) {
        String orderId = text(d, "order_id");
        String tradeNo = text(d, "trade_no");
        String prepay = text(d, "prepay");
        if (orderId == null || tradeNo == null || prepay == null) {
            return fail(orderId == null ? "order_id" : tradeNo == null ? "trade_no" : "prepay");
        }
        long fen;
        try {
            fen = Fen.parse(prepay);
        } catch (IllegalArgumentException e) {
            return failValue("prepay", prepay);
        }
        Optional<ParkingOrder> order = orders.find(orderId);
        if (order.isEmpty() || order.get().status() != com.boothdesk.app.domain.order.OrderStatus.IN_LOT) {
            return failWith("未查询到此订单");
        }
        Instant paidAt = time(d, "pay_time").orElse(clock.instant());
        if (poller != null) {
            poller.stop(orderId); // the payment message arrived: no need to ask any more
        }
        boolean fresh = orders.recordPrepayment(tradeNo, orderId, fen, paidAt, clock.instant());
        LOG.info("Prepayment {} of {} for order {} ({}){}", tradeNo, Fen.format(fen), orderId,
                order.get().plate(), fresh ? "" : " already recorded: resend answered again");
        if (fresh) {
            lanes.values().stream().filter(l -> l.lane().direction() == LaneDirection.EXIT)
                    .forEach(l -> l.prepaid(orderId));
        }
        ObjectNode r = ok("success");
        r.put("order_id", orderId);
        r.put("prepay", Fen.format(fen));
        r.put("car_number", order.get().plate());
        return r;
    }

    /** 3.3: a driver without a readable plate scanned the entry code; the stay is created under the pseudo-plate. */
    ObjectNode noPlateEntry(ObjectNode d) {
        String plate = plate(text(d, "car_number"));
        String channel = text(d, "channel_id");
        if (plate == null || channel == null) {
            return fail(plate == null ? "car_number" : "channel_id");
        }
        LaneController lane = lanes.get(channel);
        if (lane == null || lane.lane().direction() != LaneDirection.ENTRY) {
            return failWith("通道 " + channel + " 不是本岗亭的入口");
        }
        if (orders.findInLot(plate).isPresent()) {
            ObjectNode r = ok("无牌车订单已存在");
            r.put("car_number", plate);
            return r; // the cloud treats a second scan as a repeat
        }
        Instant at = time(d, "timetemp").orElse(clock.instant());
        lane.admitNoPlate(plate, at).join();
        ObjectNode r = ok("生成无牌车订单");
        r.put("car_number", plate);
        return r;
    }

    /** 3.18: the cloud's monitoring room lifts (0) or lowers (1) a barrier. */
    ObjectNode operateLiftrod(ObjectNode d) {
        String channel = text(d, "channel_id");
        String operate = text(d, "operate");
        if (channel == null || operate == null) {
            return fail(channel == null ? "channel_id" : "operate");
        }
        LaneController lane = lanes.get(channel);
        if (lane == null) {
            return failWith("通道 " + channel + " 不在本岗亭");
        }
        boolean open = "0".equals(operate.trim());
        if (!open && !"1".equals(operate.trim())) {
            return failValue("operate", operate);
        }
        lane.gate(open, "cloud", "云端远程" + (open ? "抬杆" : "落杆"), text(d, "order_id")).join();
        ObjectNode r = ok("抬杆、落杆通知成功!");
        r.put("channel_id", channel);
        r.put("operate", operate);
        return r;
    }

    /** 3.31: capture the lane now; the answer that counts is the 2.12 picture upload with the same uuid. */
    ObjectNode noticeCapture(ObjectNode d) {
        String channel = text(d, "channel_id");
        String uuid = text(d, "uuid");
        if (channel == null || uuid == null) {
            return fail(channel == null ? "channel_id" : "uuid");
        }
        if (capture == null || !capture.capture(channel, uuid)) {
            return failWith("通道 " + channel + " 不在本岗亭");
        }
        return ok("抓拍中");
    }

    /** 3.39: the platform sets the remaining-space count. */
    ObjectNode spaceNotify(ObjectNode d) {
        String free = text(d, "free_space");
        if (free == null) {
            return fail("free_space");
        }
        int target;
        try {
            target = Integer.parseInt(free.trim());
        } catch (NumberFormatException e) {
            return failValue("free_space", free);
        }
        if (target < 0 || target > spaces.capacity()) {
            return failValue("free_space", free);
        }
        spaces.setFree(target, "云端下发余位 (space_notify)", "cloud");
        return ok("余位已更新");
    }

    /** 3.42: an operator back-fills an entry from the cloud back-office; it is created and uploaded (in_park). */
    ObjectNode manualEntry(ObjectNode d) {
        String plate = plate(text(d, "car_number"));
        Optional<Instant> in = time(d, "in_time");
        if (plate == null || in.isEmpty()) {
            return fail(plate == null ? "car_number" : "in_time");
        }
        if (orders.findInLot(plate).filter(o -> o.inTime().equals(in.get())).isPresent()) {
            return ok("手动入场成功!"); // resent: already created
        }
        String channel = Optional.ofNullable(text(d, "in_channel_id")).orElse("CLOUD");
        String laneId = channel.matches("[0-9A-Za-z_]{1,16}") ? channel : "CLOUD";
        String orderId = orders.nextOrderId(laneId, in.get());
        String who = "cloud:" + Optional.ofNullable(text(d, "user_id")).orElse("?");
        String remark = Optional.ofNullable(text(d, "remark")).orElse("订单补录");
        orders.recordEntry(ParkingOrder.entered(orderId, plate, vehicleClass, laneId, in.get(), who, null,
                CarKind.TEMPORARY, null, remark.length() > 24 ? remark.substring(0, 24) : remark), spaces.free());
        LOG.info("Manual entry from the cloud: {} in at {}, order {}", plate, in.get(), orderId);
        return ok("手动入场成功!");
    }

    /** 3.43: the cloud corrects the plate of an in-lot stay. */
    ObjectNode changePlate(ObjectNode d) {
        String orderId = text(d, "order_id");
        String newPlate = plate(text(d, "new_car_number"));
        if (orderId == null || newPlate == null) {
            return fail(orderId == null ? "order_id" : "new_car_number");
        }
        Optional<ParkingOrder> order = orders.find(orderId);
        if (order.isEmpty() || order.get().status() != com.boothdesk.app.domain.order.OrderStatus.IN_LOT) {
            return failWith("未查询到在场订单 " + orderId);
        }
        if (!order.get().plate().equals(newPlate)) {
            orders.correctPlate(orderId, newPlate);
            LOG.info("Cloud corrected order {}: {} -> {}", orderId, order.get().plate(), newPlate);
        }
        ObjectNode r = ok("修改车牌号成功!");
        r.put("car_number", newPlate);
        return r;
    }

    // ---- tolerant reading, strict answers --------------------------------------------------------------------

    private static ObjectNode data(ObjectNode d) {
        JsonNode inner = d.get("data");
        return inner instanceof ObjectNode o ? o : d;
    }

    /**
     * A plate from the cloud, normalised; null (the downlink is refused) when it cannot be a plate: empty, longer
     * than the protocol's 8, or with control or format characters.
     */
    static String plate(String raw) {
        if (raw == null) {
            return null;
        }
        String p = com.boothdesk.app.domain.plate.PlateMatcher.normalize(raw.length() > 32 ? raw.substring(0, 32) : raw);
        return p.isEmpty() || p.length() > 8 || !com.boothdesk.app.domain.plate.SafeText.isClean(p) ? null : p;
    }

    static String text(ObjectNode d, String field) {
        JsonNode v = d.has(field) ? d.get(field) : data(d).get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String t = v.asText().trim();
        return t.isEmpty() ? null : t;
    }

    /** Unix seconds or milliseconds, as a number or as text. */
    static Optional<Instant> time(ObjectNode d, String field) {
        String t = text(d, field);
        if (t == null) {
            return Optional.empty();
        }
        try {
            long v = Long.parseLong(t);
            return Optional.of(v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode ok(String errmsg) {
        ObjectNode r = WireCodec.MAPPER.createObjectNode();
        r.put("state", 1);
        r.put("errmsg", errmsg);
        return r;
    }

    private static ObjectNode failWith(String errmsg) {
        ObjectNode r = WireCodec.MAPPER.createObjectNode();
        r.put("state", 0);
        r.put("errmsg", errmsg);
        return r;
    }

    private static ObjectNode fail(String missingField) {
        return failWith("缺少字段 " + missingField);
    }

    private static ObjectNode failValue(String field, String value) {
        return failWith("字段 " + field + " 的值无效: " + value);
    }
}
