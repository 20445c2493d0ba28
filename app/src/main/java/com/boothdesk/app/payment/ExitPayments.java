package com.boothdesk.app.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.sdk.link.CloudLink;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.message.OutPark;
import com.boothdesk.sdk.message.UploadOrder;
import com.boothdesk.sdk.message.uplink.ExitPayCodeUrl;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.poll.PaymentStatusPoller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The electronic payment of the car waiting at each exit, end to end: the pay code (7.5 URL or the lane's 2.18 code)
 * for the panel, the LED card's QR screen and the smart screen; the 2.19 poll's progress; the booth's own pay-codes
 * (scanner, smart screen 7.4) and no-password wallets (4.1) as 2.2 with the payment's pay_type; the 3.4 result. A
 * success records the payment once per trade number and lets the lane decide again, which closes the order and opens
 * the gate by itself (the paid amount counts as paid before the exit); a failure tells the attendant, who takes cash
 * (2.2 again, pay_type cash) or lets the driver pay again.
 *
 * <p>Thread-safe: lane states arrive on the lanes' threads, 3.4 on the link's, the poll on the poller's; each lane's
 * state changes under that lane's lock, and nothing here blocks on the network.
 */
public final class ExitPayments implements PaymentStatusPoller.Progress, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExitPayments.class);

    /** Where the pay code goes besides the panel (the LED card's QR screen, the smart screen). */
    public interface CodeSink {
        void show(String laneId, PayState state);
    }

    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final OrderRepository orders;
    private final PaymentStore store;
    private final PaymentSettings settings;
    private final Clock clock;
    private final CloudLink link;
    private final JdbcOutbox outbox;
    private final Supplier<String> operator;
    private final String boothId;
    private final List<CodeSink> sinks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, String> laneCodes = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Observable.Subscription> subscriptions = new java.util.ArrayList<>();

    public ExitPayments(Map<String, LaneController> all, OrderRepository orders, PaymentStore store,
                        PaymentSettings settings, Clock clock, CloudLink link, JdbcOutbox outbox,
                        Supplier<String> operator, String boothId) {
        this.orders = orders;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.link = link;
        this.outbox = outbox;
        this.operator = operator;
        this.boothId = boothId;
        for (LaneController c : all.values()) {
            if (c.lane().direction() == LaneDirection.EXIT) {
                lanes.put(c.lane().id(), new Lane(c, new Observable<>(PayState.none(c.lane().id(), clock.instant()))));
            }
        }
    }

    /** Starts following the exit lanes. */
    public ExitPayments start() {
        for (Lane l : lanes.values()) {
            subscriptions.add(l.controller.state().subscribe(s -> onLane(l, s)));
        }
        return this;
    }

    public void addSink(CodeSink sink) {
        sinks.add(sink);
    }

    /** The exit lanes this booth takes payments at. */
    public List<String> exitLanes() {
        return List.copyOf(lanes.keySet());
    }

    /** The payment keys this booth runs with. */
    public PaymentSettings settings() {
        return settings;
    }

    /** The payment state of an exit lane (listeners run on the publisher's thread). */
    public Observable<PayState> state(String laneId) {
        Lane l = lanes.get(laneId);
        if (l == null) {
            throw new IllegalArgumentException("no exit lane " + laneId);
        }
        return l.state;
    }

    /** 2.18: the lane's lasting exit code from the cloud (used when {@code payment.exit_code=lane}). */
    public void laneCode(String laneId, String codeUrl) {
        if (codeUrl != null && !codeUrl.isBlank()) {
            laneCodes.put(laneId, codeUrl.trim());
        }
    }

    // ---- the lanes -----------------------------------------------------------------------------------------

    private void onLane(Lane l, LaneState s) {
        Instant now = clock.instant();
        PayState shown;
        synchronized (l) {
            PayState cur = l.state.get();
            ParkingOrder o = s.order();
            if (s.phase() == LanePhase.AWAITING_PAYMENT && o != null && s.quote() != null
                    && s.quote().totalFen() > 0) {
                if (o.orderId().equals(cur.orderId()) && cur.phase() != PayState.Phase.NONE
                        && cur.amountFen() == s.quote().totalFen()) {
                    return; // the same car still waits (e.g. the gate did not confirm): its payment stands
                }
                shown = waiting(l.controller.lane().id(), o, s.quote(), now);
                l.state.set(shown);
            } else if (s.phase() == LanePhase.RELEASED && o != null && o.orderId().equals(cur.orderId())) {
                boolean electronic = o.paymentMethod() == PaymentMethod.PREPAID
                        || o.paymentMethod() == PaymentMethod.ELECTRONIC
                        || o.paymentMethod() == PaymentMethod.STORED_VALUE;
                shown = electronic ? cur.with(PayState.Phase.PAID, "pay.paid", List.of(Fen.format(cur.amountFen())), now)
                        : PayState.none(cur.laneId(), now);
                l.state.set(shown);
                if (electronic) {
                    uploadCompleted(o);
                }
            } else if (s.phase() != LanePhase.AWAITING_PAYMENT && cur.phase() != PayState.Phase.NONE
                    && (o == null || !o.orderId().equals(cur.orderId()) || s.phase() != LanePhase.RELEASED)) {
                shown = PayState.none(cur.laneId(), now);
                l.state.set(shown);
            } else {
                return;
            }
        }
        toSinks(shown);
        if (shown.phase() == PayState.Phase.WAITING) {
            askEscapes(l, shown);
            if (settings.autopay()) {
                askPayStatus(l, shown);
            }
        }
    }

    private PayState waiting(String laneId, ParkingOrder o, FeeQuote q, Instant now) {
        Code c = code(laneId, o, q, now);
        LOG.info("Lane {}: {} to pay {} electronically; pay code {}", laneId, o.plate(), Fen.format(q.totalFen()),
                c.text() == null ? "none" : c.kind());
        return new PayState(laneId, PayState.Phase.WAITING, o.orderId(), o.plate(), q.totalFen(), c.text(),
                c.expiry(), "pay.waiting", List.of(Fen.format(q.totalFen())), now, null);
    }

    private record Code(String text, Instant expiry, String kind) {
    }

    private Code code(String laneId, ParkingOrder o, FeeQuote q, Instant now) {
        switch (settings.exitCode()) {
            case "off":
                return new Code(null, null, "off");
            case "lane":
                return new Code(laneCodes.get(laneId), null, "2.18");
            default:
                if (settings.ukey().isEmpty() || settings.unionId().isEmpty() || settings.parkId().isEmpty()) {
                    LOG.warn("Lane {}: no 7.5 pay code: cloud.union_id, cloud.park_id and payment.ukey (or"
                            + " cloud.secret) are needed", laneId);
                    return new Code(laneCodes.get(laneId), null, "2.18");
                }
                try {
                    ExitPayCodeUrl u = ExitPayCodeUrl.of(o.orderId(), q.totalFen(), o.plate(), q.discountFen(),
                            o.inTime(), settings.unionId(), settings.parkId(), laneId, now);
                    return new Code(u.url(settings.ukey()), u.expiresAt(), "7.5");
                } catch (IllegalArgumentException e) {
                    LOG.warn("Lane {}: no 7.5 pay code for order {}: {}", laneId, o.orderId(), e.getMessage());
                    return new Code(laneCodes.get(laneId), null, "2.18");
                }
        }
    }

    /**
     * Renews 7.5 codes that would expire before the next renewal (they are valid one minute); called by the module's
     * timer every few seconds.
     */
    public void refreshCodes() {
        Instant now = clock.instant();
        for (Lane l : lanes.values()) {
            PayState shown = null;
            synchronized (l) {
                PayState cur = l.state.get();
                if (cur.codeExpiry() == null || (cur.phase() != PayState.Phase.WAITING
                        && cur.phase() != PayState.Phase.FAILED && cur.phase() != PayState.Phase.GIVEN_UP)) {
                    continue;
                }
                if (now.plus(Duration.ofSeconds(60)).minus(settings.refresh()).isBefore(cur.codeExpiry())) {
                    continue;
                }
                Optional<LaneState> w = l.controller.waitingToPay();
                if (w.isEmpty() || !w.get().order().orderId().equals(cur.orderId())) {
                    continue;
                }
                Code c = code(cur.laneId(), w.get().order(), w.get().quote(), now);
                shown = cur.withCode(c.text(), c.expiry(), now);
                l.state.set(shown);
            }
            toSinks(shown);
        }
    }

    private void toSinks(PayState s) {
        for (CodeSink k : sinks) {
            try {
                k.show(s.laneId(), s);
            } catch (RuntimeException e) {
                LOG.error("Lane {}: pay code not shown: {}", s.laneId(), e.toString(), e);
            }
        }
    }

    // ---- 2.19 poll ------------------------------------------------------------------------------------------

    @Override
    public void started(String orderId, Instant firstQueryAt, Instant givesUpAt) {
        update(orderId, cur -> cur.phase() == PayState.Phase.WAITING || cur.phase() == PayState.Phase.GIVEN_UP
                ? cur.with(PayState.Phase.WAITING, "pay.polling", List.of(Fen.format(cur.amountFen()), 0),
                clock.instant()) : null);
    }

    @Override
    public void queried(String orderId, int n) {
        update(orderId, cur -> cur.phase() == PayState.Phase.WAITING
                ? cur.with(PayState.Phase.WAITING, "pay.polling", List.of(Fen.format(cur.amountFen()), n),
                clock.instant()) : null);
    }

    @Override
    public void ended(PaymentStatusPoller.Result r) {
        if (r.payment().isPresent()) {
            var p = r.payment().get();
            store.record(new PaymentRecord(PaymentRecord.Kind.OUTPARK, p.tradeNo(), r.orderId(), laneOf(r.orderId()),
                    null, 1, "query_order", PaymentRecord.channelName(String.valueOf(p.payChannel())), p.moneyFen(),
                    null, null, operator(), "2.19 query_order", clock.instant()));
            return; // the lane decides again (the 3.1 handler recorded it): the release shows PAID
        }
        if (!r.cancelled()) {
            update(r.orderId(), cur -> cur.phase() == PayState.Phase.WAITING
                    ? cur.with(PayState.Phase.GIVEN_UP, "pay.givenup", List.of(r.queriesSent()), clock.instant())
                    : null);
        }
    }

    private String laneOf(String orderId) {
        for (Lane l : lanes.values()) {
            if (orderId != null && orderId.equals(l.state.get().orderId())) {
                return l.state.get().laneId();
            }
        }
        return null;
    }

    private void update(String orderId, java.util.function.UnaryOperator<PayState> change) {
        for (Lane l : lanes.values()) {
            PayState next;
            synchronized (l) {
                PayState cur = l.state.get();
                if (orderId == null || !orderId.equals(cur.orderId())) {
                    continue;
                }
                next = change.apply(cur);
                if (next == null) {
                    continue;
                }
                l.state.set(next);
            }
            if (next.phase() != PayState.Phase.WAITING || !"pay.polling".equals(next.messageKey())) {
                toSinks(next);
            }
        }
    }

    // ---- 3.4 outpark ----------------------------------------------------------------------------------------

    /**
     * 3.4: the result of an electronic payment at the exit. State 1: recorded once per trade number, counted as
     * paid, and the lane decides again (the gate opens by itself). State 2: 支付中 on the panel. State 0: the attendant
     * is told and asks for another payment. Answered state 1 whenever the message was read and recorded (a resend is
     * answered again and changes nothing); state 0 only for a message that cannot be used.
     */
    public com.boothdesk.sdk.message.downlink.DownlinkReply outpark(com.boothdesk.sdk.message.downlink.Outpark m) {
        String orderId = m.orderId();
        String tradeNo = m.tradeNo();
        int state = m.state();
        String channel = PaymentRecord.channelName(m.payChannel() == null ? null : m.payChannel().toString());
        String errmsg = m.errmsg();
        String lane = Optional.ofNullable(laneOf(orderId)).orElse(m.outChannelId());
        Instant now = clock.instant();
        boolean fresh = store.record(new PaymentRecord(PaymentRecord.Kind.OUTPARK, tradeNo, orderId, lane,
                m.carNumber(), state, m.payType(), channel, m.totalFen() == null ? 0 : m.totalFen(), m.arriveFen(),
                m.feeFen(), operator(), SafeText.of(errmsg == null ? "" : errmsg, 120), now));
        var r = com.boothdesk.sdk.message.downlink.DownlinkReply.ok(state == 1 ? "支付成功"
                : errmsg == null ? "已收到" : SafeText.of(errmsg, 40)).with("order_id", orderId);
        if (tradeNo != null) {
            r = r.with("trade_no", tradeNo);
        }
        if (!fresh) {
            LOG.info("3.4 outpark {} for order {} (state {}) already recorded: answered again", tradeNo, orderId,
                    state);
            return r;
        }
        switch (state) {
            case 1 -> paid(orderId, tradeNo, m.totalFen(), m.payType(), channel,
                    m.payTime() == null ? now : m.payTime());
            case 2 -> update(orderId, cur -> cur.with(PayState.Phase.PAYING, "pay.paying",
                    List.of(Fen.format(cur.amountFen())), now));
            default -> failed(orderId, errmsg);
        }
        return r;
    }

    private void paid(String orderId, String tradeNo, long fen, String payType, String channel, Instant paidAt) {
        Optional<ParkingOrder> o = orders.find(orderId);
        if (o.isEmpty() || o.get().status() != OrderStatus.IN_LOT) {
            LOG.warn("3.4: payment {} of {} for order {} which is {}: kept for reconciliation (refund?)", tradeNo,
                    Fen.format(fen), orderId, o.map(x -> x.status().name()).orElse("unknown"));
            update(orderId, cur -> cur.with(PayState.Phase.FAILED, "pay.late", List.of(Fen.format(fen)),
                    clock.instant()));
            return;
        }
        if (orders.recordPrepayment(tradeNo, orderId, fen, paidAt, clock.instant())) {
            LOG.info("3.4: order {} paid {} by {} ({}), trade {}; the lane decides again", orderId, Fen.format(fen),
                    payType, channel, tradeNo);
            update(orderId, cur -> cur.with(PayState.Phase.PAID, "pay.paid", List.of(Fen.format(fen)),
                    clock.instant()));
            for (Lane l : lanes.values()) {
                l.controller.prepaid(orderId);
            }
        }
    }

    private void failed(String orderId, String errmsg) {
        String why = errmsg == null ? "" : SafeText.of(errmsg, 60);
        LOG.warn("Electronic payment of order {} failed: {}; the attendant asks for another payment", orderId, why);
        update(orderId, cur -> cur.with(PayState.Phase.FAILED, "pay.failed", List.of(why), clock.instant()));
    }

    /** After an electronic exit: the completed order goes to the cloud as 2.3 upload_order (the notes' rule). */
    private void uploadCompleted(ParkingOrder o) {
        if (outbox == null || o.outTime() == null) {
            return;
        }
        var pays = store.forOrder(o.orderId()).stream().filter(p -> p.state() == 1
                && (p.kind() == PaymentRecord.Kind.OUTPARK || p.kind() == PaymentRecord.Kind.BOOTH_PAY)).toList();
        if (pays.isEmpty()) {
            return;
        }
        PaymentRecord p = pays.get(pays.size() - 1);
        String payType = p.payType() == null || p.payType().equals("query_order") ? "scancode" : p.payType();
        try {
            ObjectNode up = new UploadOrder(OutPark.builder().carNumber(o.plate())
                    .inTimeEpochSec(o.inTime().getEpochSecond()).outTimeEpochSec(o.outTime().getEpochSecond())
                    .uid(who(o.entryOperator())).durationMinutes(Duration.between(o.inTime(), o.outTime()).toMinutes())
                    .carType(carType(o.carType())).cType("自动识别").payType(payType).emptyPlot(0)
                    .totalFen(p.amountFen()).orderId(o.orderId()).outChannelId(o.exitLaneId())
                    .inChannelId(o.entryLaneId()).amountReceivableFen(o.dueFen()).electronicPayFen(p.amountFen())
                    .reduceAmountFen(o.discountFen() > 0 ? o.discountFen() : null).outUid(who(o.exitOperator()))
                    .workStationUuid(boothId).build()).toJson();
            outbox.enqueue(up, "upload_order_" + o.orderId());
        } catch (RuntimeException e) {
            LOG.error("2.3 upload_order of order {} not queued: {}", o.orderId(), e.toString());
        }
    }

    private static String who(String id) {
        return id == null || id.isBlank() ? "system" : id.length() <= 12 ? id : id.substring(0, 12);
    }

    private static String carType(String vehicleClass) {
        return switch (vehicleClass == null ? "" : vehicleClass) {
            case "large" -> "大车";
            case "new_energy" -> "新能源车";
            default -> "小车";
        };
    }

    // ---- 2.44 先走后付 (proto4) ---------------------------------------------------------------------------------

    /** The role of the attendant on duty (null: nobody with an account is on duty). */
    private volatile Supplier<com.boothdesk.app.domain.staff.Role> roleOnDuty = () -> null;

    /** Who is on duty, for the later-pay rule (payment.later_pay). */
    public void roleOnDuty(Supplier<com.boothdesk.app.domain.staff.Role> role) {
        this.roleOnDuty = java.util.Objects.requireNonNull(role, "role");
    }

    /** Why the rule does not allow a later-pay exit of {@code dueFen} now (a message key), or empty when it does. */
    public Optional<String> laterPayRefusal(long dueFen) {
        PaymentSettings.LaterPay rule = settings.laterPay();
        com.boothdesk.app.domain.staff.Role role = roleOnDuty.get();
        if (rule == PaymentSettings.LaterPay.OFF) {
            return Optional.of("laterpay.off");
        }
        if (rule == PaymentSettings.LaterPay.SUPERVISOR && (role == null
                || role == com.boothdesk.app.domain.staff.Role.ATTENDANT)) {
            return Optional.of("laterpay.supervisor");
        }
        if (settings.laterPayMaxFen() > 0 && dueFen > settings.laterPayMaxFen()) {
            return Optional.of("laterpay.max");
        }
        return Optional.empty();
    }

    /**
     * proto4, 2.44 先走后付: the car waiting at {@code laneId} leaves now and pays later, when the site's rule allows it
     * (payment.later_pay: who; payment.later_pay_max: how much). The gate opens, the stay is closed with its debt and
     * the reason, 2.44 goes up through the outbox (in the stay's transaction, CloudBridge) and the payment record
     * keeps it (state 0 until the cloud's answer, which {@link #laterPayAnswered} keeps). Completes exceptionally with
     * a {@link com.boothdesk.app.domain.lane.LaneException} naming why not.
     */
    public CompletableFuture<ParkingOrder> laterPay(String laneId, String reason) {
        Lane l = lanes.get(laneId);
        if (l == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no exit lane " + laneId));
        }
        Optional<LaneState> w = l.controller.waitingToPay();
        if (w.isEmpty()) {
            return CompletableFuture.failedFuture(new com.boothdesk.app.domain.lane.LaneException("laterpay.nothing",
                    "no car waits to pay at " + laneId));
        }
        long due = w.get().quote().totalFen();
        Optional<String> refused = laterPayRefusal(due);
        if (refused.isPresent()) {
            LOG.info("Lane {}: later-pay exit of order {} refused: {} (payment.later_pay={}, max {})", laneId,
                    w.get().order().orderId(), refused.get(), settings.laterPay(), Fen.format(settings.laterPayMaxFen()));
            return CompletableFuture.failedFuture(new com.boothdesk.app.domain.lane.LaneException(refused.get(),
                    "the later-pay rule does not allow it", List.<Object>of(Fen.format(settings.laterPayMaxFen()))));
        }
        return l.controller.releaseLaterPay(reason).thenApply(closed -> {
            if (closed != null) {
                String uuid = com.boothdesk.app.cloud.CloudBridge.laterPayUuid(closed.orderId());
                store.record(new PaymentRecord(PaymentRecord.Kind.LATER_PAY, uuid, closed.orderId(), laneId,
                        closed.plate(), 0, "laterpay", null, due, null, null, operator(),
                        SafeText.of(closed.freeReason(), 200), clock.instant()));
                LOG.info("Lane {}: order {} ({}) left to pay {} later (2.44 queued)", laneId, closed.orderId(),
                        closed.plate(), Fen.format(due));
            }
            return closed;
        });
    }

    /** The cloud's answer to a 2.44 (uuid, state, message): kept against the order, once per state. */
    public void laterPayAnswered(com.boothdesk.sdk.outbox.OutboxEntry sent, ObjectNode answer) {
        String orderId = sent.orderKey();
        Json j = new Json(answer);
        Integer state = j.integer("state");
        String uuid = Optional.ofNullable(j.text("uuid")).orElse(com.boothdesk.app.cloud.CloudBridge.laterPayUuid(
                orderId));
        String message = Optional.ofNullable(j.text("message")).orElse(Optional.ofNullable(j.text("errmsg"))
                .orElse(""));
        laterPaySent(sent, orderId, SafeText.of(uuid, 64));
        boolean fresh = store.record(new PaymentRecord(PaymentRecord.Kind.LATER_PAY, SafeText.of(uuid, 64), orderId,
                null, null, state == null ? -1 : state, "laterpay", null, 0, null, null, "cloud",
                "2.44 应答 state " + state + (message.isEmpty() ? "" : ": " + SafeText.of(message, 120)),
                clock.instant()));
        LOG.info("2.44 laterpay_order_upload of order {} answered: state {} {}{}", orderId, state,
                SafeText.of(message, 60), fresh ? "" : " (again)");
    }

    /**
     * The later-pay's own record (state 0) before its answer's: the cloud can answer the 2.44 (sent once the exit
     * committed) before {@link #laterPay}'s completion records it, and the order's story must read 0 then the answer.
     * Made from the 2.44 as sent; the one {@link #laterPay} makes is then the same record again (kept once).
     */
    private void laterPaySent(com.boothdesk.sdk.outbox.OutboxEntry sent, String orderId, String uuid) {
        try {
            JsonNode node = com.boothdesk.sdk.wire.WireCodec.MAPPER.readTree(sent.json());
            if (!(node instanceof ObjectNode o)) {
                return;
            }
            Json j = new Json(o);
            String price = j.text("price");
            long due = price == null ? 0 : Fen.parse(price);
            String reason = orders.find(orderId).map(ParkingOrder::freeReason).orElse(null);
            store.record(new PaymentRecord(PaymentRecord.Kind.LATER_PAY, uuid, orderId, j.text("out_channel_id"),
                    j.text("car_number"), 0, "laterpay", null, due, null, null, operator(), SafeText.of(reason, 200),
                    clock.instant()));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("2.44 of order {}: its own record could not be made before the answer: {}",
                    SafeText.of(orderId, 64), e.toString());
        }
    }

    // ---- the booth's own pay-codes and wallets: 2.2 with the payment's pay_type --------------------------------

    /**
     * The driver showed a WeChat / Alipay pay code at the booth (scanner, or the smart screen's 7.4 type 1): 2.2
     * out_park with pay_type sweepcode and the auth code for the car waiting at {@code laneId}; then the answer's state
     * (2: wait for 3.4) is on the panel. Completes with the state shown.
     */
    public CompletableFuture<PayState> payByCode(String laneId, String authCode, String source) {
        return charge(laneId, "sweepcode", authCode, source);
    }

    private CompletableFuture<PayState> charge(String laneId, String payType, String authCode, String source) {
        Lane l = lanes.get(laneId);
        if (l == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no exit lane " + laneId));
        }
        Optional<LaneState> w = l.controller.waitingToPay();
        if (w.isEmpty()) {
            LOG.warn("Lane {}: a {} pay code came but no car waits to pay there", laneId, source);
            return CompletableFuture.completedFuture(setOn(l, cur -> cur.with(cur.phase(), "pay.nocar", List.of(),
                    clock.instant())));
        }
        ParkingOrder o = w.get().order();
        FeeQuote q = w.get().quote();
        if (link == null || link.status() != LinkStatus.LOGGED_IN) {
            LOG.warn("Lane {}: {} payment of order {} not possible: the cloud link is {}", laneId, payType,
                    o.orderId(), link == null ? "off" : link.status());
            return CompletableFuture.completedFuture(setOn(l, cur -> cur.with(PayState.Phase.FAILED, "pay.offline",
                    List.of(), clock.instant())));
        }
        Instant now = clock.instant();
        ObjectNode out;
        try {
            out = OutPark.builder().carNumber(o.plate()).inTimeEpochSec(o.inTime().getEpochSecond())
                    .outTimeEpochSec(now.getEpochSecond()).uid(who(o.entryOperator()))
                    .durationMinutes(Duration.between(o.inTime(), now).toMinutes()).carType(carType(o.carType()))
                    .cType("自动识别").payType(payType).authCode(authCode).emptyPlot(0).totalFen(q.totalFen())
                    .orderId(o.orderId()).outChannelId(laneId).inChannelId(o.entryLaneId())
                    .amountReceivableFen(q.grossFen()).electronicPrepayFen(o.prepaidFen() > 0 ? o.prepaidFen() : null)
                    .outUid(who(operator())).workStationUuid(boothId).build().toJson();
        } catch (RuntimeException e) {
            LOG.error("Lane {}: 2.2 for the {} payment not built: {}", laneId, payType, e.toString());
            return CompletableFuture.completedFuture(setOn(l, cur -> cur.with(PayState.Phase.FAILED, "pay.failed",
                    List.of(SafeText.of(e.getMessage(), 60)), clock.instant())));
        }
        PayState sent = setOn(l, cur -> cur.orderId() != null && cur.orderId().equals(o.orderId())
                ? cur.with(PayState.Phase.PAYING, "pay.paying." + payType, List.of(Fen.format(q.totalFen())), now)
                : waiting(laneId, o, q, now).with(PayState.Phase.PAYING, "pay.paying." + payType,
                List.of(Fen.format(q.totalFen())), now));
        toSinks(sent);
        LOG.info("Lane {}: {} payment of {} for order {} sent (2.2 out_park, {})", laneId, payType,
                Fen.format(q.totalFen()), o.orderId(), source);
        return link.send(out).handle((reply, err) -> {
            if (err != null) {
                LOG.warn("Lane {}: 2.2 {} for order {} not answered: {}", laneId, payType, o.orderId(),
                        err.toString());
                failed(o.orderId(), "网络异常: " + SafeText.of(String.valueOf(err.getMessage()), 40));
                return l.state.get();
            }
            Json j = new Json(reply);
            Integer state = j.integer("state");
            String errmsg = j.text("errmsg");
            String trade = j.text("trade_no");
            store.record(new PaymentRecord(PaymentRecord.Kind.BOOTH_PAY, trade == null ? null : trade, o.orderId(),
                    laneId, o.plate(), state == null ? 0 : state, payType, null, q.totalFen(), null, null, operator(),
                    source + (errmsg == null ? "" : ": " + SafeText.of(errmsg, 80)), clock.instant()));
            if (state != null && state == 1) {
                // paid at once: count it like a 3.4 success (its trade number, or the order's own key)
                paid(o.orderId(), trade != null ? trade : "out_park:" + o.orderId() + ":" + payType, q.totalFen(),
                        payType, null, clock.instant());
            } else if (state != null && state == 2) {
                LOG.info("Lane {}: 2.2 {} for order {}: 支付中, waiting for 3.4", laneId, payType, o.orderId());
            } else {
                failed(o.orderId(), errmsg == null ? "支付失败" : errmsg);
            }
            return l.state.get();
        });
    }

    private PayState setOn(Lane l, java.util.function.UnaryOperator<PayState> change) {
        synchronized (l) {
            PayState next = change.apply(l.state.get());
            l.state.set(next);
            return next;
        }
    }

    /**
     * 4.1 pay_status before the fee is shown: a car whose owner has a no-password wallet with enough balance is
     * charged (2.2 pay_type wallet) without the attendant. A kept 4.2 balance is used when the link cannot ask.
     */
    private void askPayStatus(Lane l, PayState shown) {
        if (link == null || link.status() != LinkStatus.LOGGED_IN) {
            return;
        }
        ObjectNode q = com.boothdesk.sdk.wire.WireCodec.MAPPER.createObjectNode();
        q.put("service_name", "pay_status");
        q.put("car_number", shown.plate());
        q.put("order_id", shown.orderId());
        link.send(q).whenComplete((reply, err) -> {
            if (err != null || reply == null) {
                LOG.debug("4.1 pay_status for {} not answered: {}", shown.plate(), String.valueOf(err));
                return;
            }
            Json j = new Json(reply);
            Long balance = j.fen("balance");
            Integer autopay = j.integer("autopay");
            Integer net = j.integer("net_status");
            Integer state = j.integer("state");
            if (balance != null && autopay != null) {
                store.balance(shown.plate(), balance, autopay == 1, clock.instant());
            }
            boolean canCharge = state != null && state == 1 && autopay != null && autopay == 1 && balance != null
                    && balance >= shown.amountFen() && (net == null || net == 1);
            LOG.info("4.1 pay_status {}: balance {}, autopay {}, net {}{}", shown.plate(),
                    balance == null ? "?" : Fen.format(balance), autopay, net, canCharge ? ": charging the wallet" : "");
            PayState cur = l.state.get();
            if (canCharge && shown.orderId().equals(cur.orderId()) && cur.phase() == PayState.Phase.WAITING) {
                charge(cur.laneId(), "wallet", null, "4.1 no-password");
            }
        });
    }

    /**
     * 2.38 query_escape for the car at the exit: unpaid escape records elsewhere are flagged to the attendant on the
     * panel (the booth decides nothing by itself: the attendant asks the driver to pay them, 3.37 reports it).
     */
    private void askEscapes(Lane l, PayState shown) {
        if (link == null || link.status() != LinkStatus.LOGGED_IN || settings.unionId().isEmpty()) {
            return;
        }
        ObjectNode q = com.boothdesk.sdk.wire.WireCodec.MAPPER.createObjectNode();
        q.put("service_name", "query_escape");
        q.put("data_target", "bolink");
        q.put("car_number", shown.plate());
        q.put("park_id", settings.parkId());
        try {
            q.put("union_id", Long.parseLong(settings.unionId()));
        } catch (NumberFormatException e) {
            q.put("union_id", settings.unionId());
        }
        link.send(q).whenComplete((reply, err) -> {
            if (err != null || reply == null || !reply.path("escapeOrder").isArray()
                    || reply.path("escapeOrder").isEmpty()) {
                return;
            }
            int n = reply.path("escapeOrder").size();
            long fen = 0;
            for (JsonNode e : reply.path("escapeOrder")) {
                Long f = new Json((ObjectNode) e).fen("money");
                fen += f == null ? 0 : f;
            }
            String alert = n + " 笔逃单记录，共 " + Fen.format(fen) + " 元";
            LOG.warn("2.38: {} has {} unpaid escape record(s) of {} in total; shown to the attendant", shown.plate(),
                    n, Fen.format(fen));
            setOn(l, cur -> shown.orderId().equals(cur.orderId()) ? cur.withAlert(alert) : cur);
            toSinks(l.state.get());
        });
    }

    private String operator() {
        String o = operator == null ? null : operator.get();
        return o == null || o.isBlank() ? "system" : o;
    }

    @Override
    public void close() {
        subscriptions.forEach(s -> {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe failed", e);
            }
        });
    }

    private record Lane(LaneController controller, Observable<PayState> state) {
    }

    /** Tolerant reading of a downlink or answer (fields flat or under {@code data}), strict answers. */
    static final class Json {
        private final ObjectNode d;

        Json(ObjectNode d) {
            this.d = d;
        }

        String text(String field) {
            JsonNode v = d.has(field) ? d.get(field) : d.path("data").get(field);
            if (v == null || v.isNull() || v.isContainerNode()) {
                return null;
            }
            String t = v.asText().trim();
            return t.isEmpty() ? null : t;
        }

        Integer integer(String field) {
            String t = text(field);
            if (t == null) {
                return null;
            }
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                try {
                    return (int) Double.parseDouble(t);
                } catch (NumberFormatException e2) {
                    return null;
                }
            }
        }

        /** Yuan (number or text) as fen; null when absent or not a number. */
        Long fen(String field) {
            String t = text(field);
            if (t == null) {
                return null;
            }
            try {
                return new java.math.BigDecimal(t.replace("元", "").trim()).movePointRight(2)
                        .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }

        Optional<Instant> time(String field) {
            String t = text(field);
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

        ObjectNode ok(String errmsg) {
            ObjectNode r = com.boothdesk.sdk.wire.WireCodec.MAPPER.createObjectNode();
            r.put("state", 1);
            r.put("errmsg", errmsg);
            return r;
        }

        ObjectNode fail(String missing) {
            ObjectNode r = com.boothdesk.sdk.wire.WireCodec.MAPPER.createObjectNode();
            r.put("state", 0);
            r.put("errmsg", "缺少字段 " + missing);
            LOG.warn("{} refused: missing {}", text("service_name"), missing);
            return r;
        }

        ObjectNode failWith(String errmsg) {
            ObjectNode r = com.boothdesk.sdk.wire.WireCodec.MAPPER.createObjectNode();
            r.put("state", 0);
            r.put("errmsg", errmsg);
            LOG.warn("{} refused: {}", text("service_name"), errmsg);
            return r;
        }

        ObjectNode failValue(String field) {
            ObjectNode r = com.boothdesk.sdk.wire.WireCodec.MAPPER.createObjectNode();
            r.put("state", 0);
            r.put("errmsg", "字段 " + field + " 的值无效: " + SafeText.of(String.valueOf(text(field)), 24));
            LOG.warn("{} refused: bad {}", text("service_name"), field);
            return r;
        }
    }
}
