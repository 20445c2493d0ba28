package com.boothdesk.app.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.sdk.message.downlink.DownlinkReply;
import com.boothdesk.sdk.message.downlink.DownlinkType;
import com.boothdesk.sdk.message.downlink.Outpark;
import com.boothdesk.sdk.message.downlink.RawDownlink;
import com.boothdesk.sdk.protocol.ServiceName;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static com.boothdesk.app.cloud.DownlinkRouter.Handling.EFFECT;

/**
 * The payment downlinks other than 3.1/3.2: 3.4 outpark (through {@link ExitPayments}), 3.23 refund, 3.24 recharge,
 * 3.25 / 3.36 pay_notice, 3.28 order_zero_balance, 3.29 repair, 3.37 escape_order, 3.44 fixed_charge, 4.2
 * update_balance, 7.4 sweepcode, and the asynchronous answer of 2.44 laterpay_order_upload. Each is validated (a
 * missing key field is answered state 0 naming it), recorded once per trade number against its order and the
 * attendant on duty, and answered with the fields the notes give; a resend is answered again and changes nothing.
 */
public final class PaymentDownlinks {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentDownlinks.class);

    private final ExitPayments exits;
    private final PaymentStore store;
    private final OrderRepository orders;
    private final Map<String, LaneController> lanes;
    private final JdbcParkSpaces spaces;
    private final Clock clock;
    private final Supplier<String> operator;

    public PaymentDownlinks(ExitPayments exits, PaymentStore store, OrderRepository orders,
                            Map<String, LaneController> lanes, JdbcParkSpaces spaces, Clock clock,
                            Supplier<String> operator) {
        this.exits = exits;
        this.store = store;
        this.orders = orders;
        this.lanes = Map.copyOf(lanes);
        this.spaces = spaces;
        this.clock = clock;
        this.operator = operator;
    }

    /** Registers every handler with the router, one line each, with what it does for the coverage report. */
    public void register(DownlinkRouter router) {
        router.on(Outpark.TYPE, EFFECT, "电子支付结果: 成功记账并放行, 支付中/失败显示在出口面板", exits::outpark);
        raw(router, ServiceName.REFUND, "退款记入订单和班次", this::refund);
        raw(router, ServiceName.RECHARGE, "找零支出记入订单和班次", this::recharge);
        raw(router, ServiceName.PAY_NOTICE, "平台缴费(3.25)/充电减免(3.36)记入订单并从费用中扣除, 出口重新判定",
                this::payNotice);
        raw(router, ServiceName.ORDER_ZERO_BALANCE, "云端手动结算: 关闭在场订单", this::zeroBalance);
        raw(router, ServiceName.REPAIR, "追缴结果记入订单", this::repair);
        raw(router, ServiceName.ESCAPE_ORDER, "逃单补缴结果记入订单", this::escapeOrder);
        raw(router, ServiceName.FIXED_CHARGE, "无在场订单固定收费: 该车牌订单置为待支付(固定价), 出口码/付款码/现金按此价收费后放行",
                this::fixedCharge);
        raw(router, ServiceName.UPDATE_BALANCE, "车主余额/免密状态保存, 出口4.1使用", this::updateBalance);
        raw(router, ServiceName.SWEEPCODE, "智慧屏付款码(2.2 sweepcode)或断网支付成功码(放行, 待对账)", this::sweepcode);
    }

    private static void raw(DownlinkRouter router, ServiceName name, String note,
                            Function<ObjectNode, ObjectNode> handler) {
        raw(router, name, EFFECT, note, handler);
    }

    private static void raw(DownlinkRouter router, ServiceName name, DownlinkRouter.Handling handling, String note,
                            Function<ObjectNode, ObjectNode> handler) {
        router.on(DownlinkType.raw(name), handling, note, (RawDownlink m) -> DownlinkReply.of(handler.apply(
                m.fields().message())));
    }

    /** 3.23: a payment was refunded in the Bolink back-office; recorded against its order. */
    ObjectNode refund(ObjectNode d) {
        ExitPayments.Json j = new ExitPayments.Json(d);
        String trade = j.text("trade_no");
        Long money = j.fen("refund_money");
        if (trade == null || money == null) {
            return trade == null ? j.fail("trade_no") : j.fail("refund_money");
        }
        int state = Optional.ofNullable(j.integer("state")).orElse(1);
        boolean fresh = store.record(rec(PaymentRecord.Kind.REFUND, trade, j, state, "refund",
                PaymentRecord.channelName(j.text("refund_channel")), money, j.text("remark")));
        LOG.info("3.23 refund {} of {} (order {}, state {}){}", trade, Fen.format(money), j.text("order_id"), state,
                fresh ? "" : ": resend answered again");
        ObjectNode r = j.ok(j.text("errmsg") == null ? "退款已记录" : SafeText.of(j.text("errmsg"), 40));
        r.put("trade_no", trade);
        return r;
    }

    /** 3.24: change paid out to the driver electronically (现金找零). */
    ObjectNode recharge(ObjectNode d) {
        ExitPayments.Json j = new ExitPayments.Json(d);
        String trade = j.text("trade_no");
        Long money = j.fen("recharge_money");
        if (trade == null || money == null) {
            return trade == null ? j.fail("trade_no") : j.fail("recharge_money");
        }
        int state = Optional.ofNullable(j.integer("state")).orElse(1);
        store.record(rec(PaymentRecord.Kind.CHANGE, trade, j, state, "recharge",
                PaymentRecord.channelName(j.text("recharge_channel")), money, j.text("remark")));
        ObjectNode r = j.ok("找零已记录");
        r.put("trade_no", trade);
        return r;
    }

    /**
     * 3.25 (third-party payment or deduction, has {@code type}) and 3.36 (charging-pile discount, has
     * {@code start_charging_time}) share the name pay_notice; both are answered with their uuid.
     */
    ObjectNode payNotice(ObjectNode d) {
        ExitPayments.Json j = new ExitPayments.Json(d);
        String uuid = j.text("uuid");
        String orderId = j.text("order_id");
        if (uuid == null || orderId == null) {
            return uuid == null ? j.fail("uuid") : j.fail("order_id");
        }
        boolean charging = j.text("start_charging_time") != null || j.text("type") == null;
        long reduce = Optional.ofNullable(j.fen("reduce_amount")).orElse(0L);
        long paid = Optional.ofNullable(j.fen("act_total")).orElse(Optional.ofNullable(j.fen("deduction_money"))
                .orElse(0L));
        PaymentRecord.Kind kind = charging ? PaymentRecord.Kind.CHARGING : PaymentRecord.Kind.PLATFORM;
        String channel = charging ? "charging" : switch (Optional.ofNullable(j.text("pay_type")).orElse("")) {
            case "1" -> "wechat";
            case "2" -> "alipay";
            case "3" -> "unionpay";
            default -> "platform";
        };
        boolean fresh = store.record(rec(kind, "pay_notice:" + uuid, j, 1, "pay_notice", channel,
                charging ? reduce : paid, (charging ? "充电减免 " + Fen.format(reduce) : "平台缴费 type "
                        + j.text("type") + (reduce > 0 ? " 减免 " + Fen.format(reduce) : ""))));
        LOG.info("{} pay_notice {} for order {}: {}{}", charging ? "3.36" : "3.25", uuid, orderId,
                Fen.format(charging ? reduce : paid), fresh ? "" : " (resend)");
        if (fresh) {
            long deduction = charging || reduce > 0 ? reduce
                    : Optional.ofNullable(j.fen("deduction_money")).orElse(0L);
            applyToFee(uuid, orderId, charging ? 0 : Optional.ofNullable(j.fen("act_total")).orElse(0L), deduction,
                    charging ? "充电减免" : "平台减免", j.time("pay_time").orElse(clock.instant()));
        }
        ObjectNode r = j.ok("success");
        r.put("uuid", uuid);
        return r;
    }

    /**
     * 3.25 / 3.36 on the fee ("车场在计算价格的时候需减去充电减免金额"): money paid on the platform counts as a prepayment
     * of the stay, a reduction as an amount coupon bound to it; a car of that stay waiting at an exit is decided again
     * (released when nothing is left to pay). A stay no longer in the lot keeps the record only.
     */
    private void applyToFee(String uuid, String orderId, long paidFen, long reduceFen, String what, Instant paidAt) {
        Optional<ParkingOrder> o = orders.find(orderId);
        if (o.isEmpty() || o.get().status() != OrderStatus.IN_LOT) {
            LOG.info("pay_notice {}: order {} is not in the lot; recorded only", uuid, orderId);
            return;
        }
        Instant now = clock.instant();
        if (paidFen > 0) {
            orders.recordPrepayment(PaymentStore.REDUCTION_PREFIX + uuid, orderId, paidFen, paidAt, now);
        }
        if (reduceFen > 0) {
            store.reduction(uuid, o.get().plate(), orderId, reduceFen, what, now, clock);
        }
        if (paidFen > 0 || reduceFen > 0) {
            LOG.info("pay_notice {}: order {} ({}) {} paid {} reduced; the exit decides again", uuid, orderId,
                    o.get().plate(), Fen.format(paidFen), Fen.format(reduceFen));
            lanes.values().forEach(l -> l.prepaid(orderId));
        }
    }

    /**
     * 3.28: the cloud back-office settled an in-lot stay by hand (0 yuan or an amount, cash): the order is closed as
     * the cloud says, without moving any barrier.
     */
    ObjectNode zeroBalance(ObjectNode d) {
        ExitPayments.Json j = new ExitPayments.Json(d);
        String sync = j.text("sync_id");
        String plate = j.text("car_number");
        if (sync == null || plate == null) {
            return sync == null ? j.fail("sync_id") : j.fail("car_number");
        }
        long cash = Optional.ofNullable(j.fen("cash_pay")).orElse(0L);
        long ele = Optional.ofNullable(j.fen("ele_pay")).orElse(0L);
        Instant out = j.time("out_time").orElse(clock.instant());
        String orderId = j.text("order_id");
        Optional<ParkingOrder> o = orderId != null ? orders.find(orderId) : orders.findInLot(plate);
        ObjectNode r = j.ok("手动结算成功");
        r.put("sync_id", sync);
        r.put("operate_type", Optional.ofNullable(j.text("operate_type")).orElse("2"));
        boolean fresh = store.record(new PaymentRecord(PaymentRecord.Kind.MANUAL_SETTLEMENT, "zero:" + sync,
                o.map(ParkingOrder::orderId).orElse(orderId), null, plate, 1, "cash", "cash", cash + ele, null, null,
                "cloud", "云端手动结算 现金 " + Fen.format(cash) + " 电子 " + Fen.format(ele), clock.instant()));
        if (!fresh) {
            return r;
        }
        if (o.isEmpty() || o.get().status() != OrderStatus.IN_LOT) {
            LOG.info("3.28 manual settlement {} for {}: no stay in the lot; recorded only", sync, plate);
            return r;
        }
        ParkingOrder closed = o.get().closed(new ParkingOrder.Settlement(com.boothdesk.app.cloud.CloudBridge.CLOUD_SETTLED_LANE, out, cash + ele, cash + ele,
                cash + ele == 0 ? PaymentMethod.FREE : PaymentMethod.CASH, "cloud", null, 0,
                cash + ele == 0 ? "云端手动结算" : null, null, o.get().kind()));
        orders.recordExit(closed, Math.min(spaces.capacity(), spaces.free() + 1));
        LOG.info("3.28 manual settlement {}: order {} ({}) closed by the cloud, {}", sync, closed.orderId(), plate,
                Fen.format(cash + ele));
        return r;
    }

    /** 3.29: a chase payment (补缴) of an earlier order. */
    ObjectNode repair(ObjectNode d) {
        return chase(d, PaymentRecord.Kind.CHASE, "repair");
    }

    /** 3.37: an escaped order paid later. */
    ObjectNode escapeOrder(ObjectNode d) {
        return chase(d, PaymentRecord.Kind.ESCAPE_PAID, "escape_order");
    }

    private ObjectNode chase(ObjectNode d, PaymentRecord.Kind kind, String payType) {
        ExitPayments.Json j = new ExitPayments.Json(d);
        String trade = j.text("trade_no");
        String orderId = j.text("order_id");
        Integer state = j.integer("state");
        if (trade == null || orderId == null || state == null) {
            return j.fail(trade == null ? "trade_no" : orderId == null ? "order_id" : "state");
        }
        long total = Optional.ofNullable(j.fen("total")).orElse(0L);
        boolean fresh = store.record(rec(kind, trade, j, state, payType,
                PaymentRecord.channelName(j.text("pay_channel")), total, j.text("remark")));
        LOG.info("{} {} for order {}: state {}, {}{}", payType, trade, orderId, state, Fen.format(total),
                fresh ? "" : " (resend)");
        ObjectNode r = j.ok(state == 1 ? "支付成功" : "已收到");
        r.put("trade_no", trade);
        r.put("order_id", orderId);
        return r;
    }

    /**
     * 3.44: the cloud's operator charges a fixed price to a car with no stay at an exit ("本地需要将固定收费的车牌订单置为
     * 待支付, 车主即可正常扫出口码支付这个订单"). The car waiting there under that plate gets an order in 待支付 with that
     * price (the exit QR's 3.1, a pay code, cash take it; the payment releases the car). When that car is not waiting
     * there now, the charge waits for its next no-record read at that exit for {@link #FIXED_CHARGE_KEPT}. Recorded
     * once per message_uuid; a resend is answered again and changes nothing.
     */
    ObjectNode fixedCharge(ObjectNode d) {
        ExitPayments.Json j = new ExitPayments.Json(d);
        String uuid = j.text("message_uuid");
        String plate = j.text("car_number");
        String channel = j.text("out_channel_id");
        Long price = j.fen("price");
        if (uuid == null || plate == null || channel == null || price == null) {
            return j.fail(uuid == null ? "message_uuid" : plate == null ? "car_number" : channel == null
                    ? "out_channel_id" : "price");
        }
        if (price < 0) {
            return j.failValue("price");
        }
        LaneController lane = lanes.get(channel);
        if (lane == null || lane.lane().direction() != com.boothdesk.app.domain.lane.LaneDirection.EXIT) {
            LOG.warn("3.44 fixed charge for {} at {}: that is no exit of this booth", SafeText.plate(plate),
                    SafeText.of(channel, 16));
            ObjectNode r = j.failWith("通道 " + SafeText.of(channel, 16) + " 不是本岗亭的出口");
            r.put("message_uuid", uuid);
            r.put("car_number", plate);
            return r;
        }
        ObjectNode r = j.ok("固定收费成功!");
        r.put("message_uuid", uuid);
        r.put("car_number", plate);
        r.put("data_target", "cloud");
        String by = "cloud:" + Optional.ofNullable(j.text("user_id")).map(u -> SafeText.of(u, 24)).orElse("?");
        String key = "fixed:" + uuid;
        boolean fresh = store.record(new PaymentRecord(PaymentRecord.Kind.FIXED_CHARGE, key, null, channel, plate, 1,
                "fixed_charge", null, price, null, null, by, "无在场订单固定收费 " + Fen.format(price), clock.instant()));
        if (!fresh) {
            LOG.info("3.44 fixed charge {} for {} already recorded: answered again", uuid, SafeText.plate(plate));
            return r;
        }
        LOG.info("3.44 fixed charge of {} for {} at {} by {}", Fen.format(price), SafeText.plate(plate), channel, by);
        FixedCharge charge = new FixedCharge(key, plate, price, by, clock.instant().plus(FIXED_CHARGE_KEPT));
        String pending = channel + "|" + plate;
        Instant now = clock.instant();
        pendingFixed.values().removeIf(f -> now.isAfter(f.until())); // lapsed charges of cars that never came
        pendingFixed.put(pending, charge); // first: a car read meanwhile takes it (applying twice prices it the same)
        if (applyFixed(lane, charge, Duration.ofSeconds(3))) {
            pendingFixed.remove(pending, charge);
        } else {
            LOG.info("3.44: {} does not wait at {} without a stay now; its next no-record read there takes {}",
                    SafeText.plate(plate), channel, Fen.format(price));
        }
        return r;
    }

    /** How long a fixed charge for a car not waiting at its exit is kept for that car's next read there. */
    static final Duration FIXED_CHARGE_KEPT = Duration.ofMinutes(30);

    private record FixedCharge(String key, String plate, long fen, String by, Instant until) {
    }

    private final Map<String, FixedCharge> pendingFixed = new java.util.concurrent.ConcurrentHashMap<>();

    /** Puts the car's order in 待支付 at the fixed price; true when the car was waiting there (within {@code wait}). */
    private boolean applyFixed(LaneController lane, FixedCharge f, Duration wait) {
        try {
            Optional<String> orderId = lane.fixedCharge(f.plate(), f.fen(), f.by())
                    .get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            orderId.ifPresent(id -> store.attachOrder(PaymentRecord.Kind.FIXED_CHARGE, f.key(), id));
            return orderId.isPresent();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("3.44: the fixed charge for {} at {} was not applied: {}", SafeText.plate(f.plate()),
                    lane.lane().id(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Follows the exit lanes for the fixed charges that wait for their car: a no-record read of that plate at that
     * exit (no stay, or only similar ones) takes the price. Called once by the payment module.
     */
    void followLanes() {
        for (LaneController lane : lanes.values()) {
            if (lane.lane().direction() != com.boothdesk.app.domain.lane.LaneDirection.EXIT) {
                continue;
            }
            lane.state().subscribe(st -> {
                if (pendingFixed.isEmpty() || st.lastRead() == null || (st.phase()
                        != com.boothdesk.app.domain.lane.LanePhase.NO_RECORD && st.phase()
                        != com.boothdesk.app.domain.lane.LanePhase.AWAITING_MATCH)) {
                    return;
                }
                FixedCharge f = pendingFixed.remove(lane.lane().id() + "|" + st.lastRead().plate());
                if (f == null) {
                    return;
                }
                if (clock.instant().isAfter(f.until())) {
                    LOG.info("3.44: the fixed charge for {} at {} has lapsed ({} kept); not applied",
                            SafeText.plate(f.plate()), lane.lane().id(), FIXED_CHARGE_KEPT);
                    return;
                }
                // on the lane's thread: hand the command to its queue, never wait for it here
                lane.fixedCharge(f.plate(), f.fen(), f.by()).thenAccept(id -> id.ifPresent(o -> {
                    store.attachOrder(PaymentRecord.Kind.FIXED_CHARGE, f.key(), o);
                    LOG.info("3.44: the fixed charge for {} at {} is now order {} (待支付)", SafeText.plate(f.plate()),
                            lane.lane().id(), o);
                }));
            });
        }
    }

    /** 4.2: the platform's word on a plate's balance and no-password payment; kept for 4.1 and the panel. */
    ObjectNode updateBalance(ObjectNode d) {
        ExitPayments.Json j = new ExitPayments.Json(d);
        String plate = j.text("car_number");
        Long balance = j.fen("balance");
        Integer autopay = j.integer("autopay");
        if (plate == null || balance == null || autopay == null) {
            return j.fail(plate == null ? "car_number" : balance == null ? "balance" : "autopay");
        }
        store.balance(plate, balance, autopay == 1, clock.instant());
        LOG.info("4.2 update_balance {}: {} autopay {}", plate, Fen.format(balance), autopay);
        ObjectNode r = j.ok("success");
        r.put("car_number", plate);
        return r;
    }

    /**
     * 7.4: the smart screen read a code. Type 1: the driver's pay code, paid as at the booth scanner (2.2 sweepcode
     * with the auth code, then 3.4). Type 2: a "paid" code shown while the booth was offline: the gate opens for the
     * car waiting there and the code is recorded for reconciliation.
     */
    ObjectNode sweepcode(ObjectNode d) {
        ExitPayments.Json j = new ExitPayments.Json(d);
        Integer type = j.integer("type");
        String channel = j.text("channel_id");
        if (type == null || channel == null) {
            return j.fail(type == null ? "type" : "channel_id");
        }
        if (!exits.exitLanes().contains(channel)) {
            return j.failWith("通道 " + SafeText.of(channel, 16) + " 不是本岗亭的出口");
        }
        if (type == 1) {
            String code = j.text("authcode");
            if (code == null || !code.matches("[0-9]{10,32}")) {
                return code == null ? j.fail("authcode") : j.failValue("authcode");
            }
            exits.payByCode(channel, code, "7.4 smart screen");
            return j.ok("success");
        }
        if (type == 2) {
            String info = j.text("pay_info");
            if (info == null) {
                return j.fail("pay_info");
            }
            LaneController lane = lanes.get(channel);
            var waiting = lane.waitingToPay();
            if (waiting.isEmpty()) {
                return j.failWith("出口无待缴费车辆");
            }
            ParkingOrder o = waiting.get().order();
            long due = waiting.get().quote().totalFen();
            String key = "paid_code:" + Integer.toHexString(info.hashCode()) + ":" + o.orderId();
            boolean fresh = store.record(new PaymentRecord(PaymentRecord.Kind.OFFLINE_PAID_CODE, key, o.orderId(),
                    channel, o.plate(), 1, "scancode", null, due, null, null, operator.get(),
                    "断网支付成功码 待对账: " + SafeText.of(info, 160), clock.instant()));
            if (fresh && orders.recordPrepayment(key, o.orderId(), due, clock.instant(), clock.instant())) {
                LOG.warn("7.4: offline paid code for order {} ({}) at {}: counted as paid, the gate opens; kept for"
                        + " reconciliation", o.orderId(), o.plate(), channel);
                lane.prepaid(o.orderId());
            }
            return j.ok("success");
        }
        return j.failValue("type");
    }

    /** 2.44's answer arrives as a downlink: {@code uuid}, {@code state}, {@code message}; recorded on the order. */
    ObjectNode laterPayAnswer(ObjectNode d) {
        ExitPayments.Json j = new ExitPayments.Json(d);
        String uuid = j.text("uuid");
        if (uuid == null) {
            return j.fail("uuid");
        }
        LOG.info("2.44 laterpay answer {}: state {} {}", uuid, j.text("state"),
                SafeText.of(String.valueOf(j.text("message")), 60));
        ObjectNode r = j.ok("success");
        r.put("uuid", uuid);
        return r;
    }

    private PaymentRecord rec(PaymentRecord.Kind kind, String trade, ExitPayments.Json j, int state, String payType,
                              String channel, long fen, String detail) {
        return new PaymentRecord(kind, trade, j.text("order_id"), j.text("out_channel_id"), j.text("car_number"),
                state, payType, channel, fen, j.fen("arrive_money"), j.fen("fee"), operator.get(),
                detail == null ? null : SafeText.of(detail, 200), clock.instant());
    }

    static List<String> names() {
        return List.of("outpark", "refund", "recharge", "pay_notice", "order_zero_balance", "repair", "escape_order",
                "fixed_charge", "update_balance", "sweepcode");
    }
}
