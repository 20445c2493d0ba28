package com.boothdesk.sdk.sim;

import com.boothdesk.sdk.message.Fen;
import com.boothdesk.sdk.message.QueryOrderPayment;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scripted cloud-side scenarios for demos, tests and integrators. Each pushes the downlinks a real cloud would and
 * completes with the booth's answers, in order.
 */
public final class Scenarios {

    /** Scenario names accepted by {@link #run}. */
    public static final Set<String> NAMES = Set.of("qr-payment", "prepay", "month-card-sync", "gate-open", "lock");

    private static final AtomicLong SEQ = new AtomicLong();

    private final CloudSimulator sim;
    private final Duration answerTimeout;
    private final double resendFactor;

    /**
     * @param answerTimeout how long each push waits for the booth (the cloud gives up after 7 s)
     * @param resendFactor  scale of the payment resend schedules (1 = real time)
     */
    public Scenarios(CloudSimulator sim, Duration answerTimeout, double resendFactor) {
        this.sim = sim;
        this.answerTimeout = answerTimeout;
        this.resendFactor = resendFactor;
    }

    /** Runs a scenario by name; {@code arg} is the channel (qr-payment, gate-open) or the order id (prepay, lock). */
    public CompletableFuture<List<ObjectNode>> run(String name, String arg) {
        return switch (name) {
            case "qr-payment" -> qrPayment(arg, 500);
            case "prepay" -> prepay("京A12345", arg, 300);
            case "month-card-sync" -> single(monthCardSync("P" + SEQ.incrementAndGet()));
            case "gate-open" -> single(gate(arg, 0));
            case "lock" -> single(lock(arg, true));
            default -> CompletableFuture.failedFuture(new IllegalArgumentException("unknown scenario " + name
                    + "; known: " + NAMES));
        };
    }

    /**
     * A driver scans the exit QR of {@code outChannelId}: 3.1 query_price (pay_scene 1) asks the price of the car
     * at that lane, then 3.2 prepay_order pays it (with the 直付 resend schedule). The payment is also reported by
     * 2.19 query_order afterwards. Completes with [price answer, payment answer].
     */
    public CompletableFuture<List<ObjectNode>> qrPayment(String outChannelId, long fallbackFen) {
        ObjectNode q = base("query_price");
        q.put("pay_scene", 1);
        q.put("out_channel_id", outChannelId);
        q.put("query_order_no", "sim" + SEQ.incrementAndGet() + "p-1");
        return payAfterPrice(q, fallbackFen, ResendSchedule.DIRECT_PAY, "outpay");
    }

    /** In-lot prepayment: 3.1 query_price (pay_scene 0) then 3.2 prepay_order (预付 resend schedule). */
    public CompletableFuture<List<ObjectNode>> prepay(String carNumber, String orderId, long fallbackFen) {
        ObjectNode q = base("query_price");
        q.put("pay_scene", 0);
        q.put("car_number", carNumber);
        q.put("order_id", orderId);
        q.put("query_order_no", "sim" + SEQ.incrementAndGet() + "p-0");
        return payAfterPrice(q, fallbackFen, ResendSchedule.PREPAY, "prepay");
    }

    private CompletableFuture<List<ObjectNode>> payAfterPrice(ObjectNode query, long fallbackFen,
                                                              List<Duration> schedule, String scene) {
        List<ObjectNode> answers = new ArrayList<>();
        return sim.pushDownlink(query).orTimeout(answerTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenCompose(priceAnswer -> {
                    answers.add(priceAnswer);
                    if (priceAnswer.path("state").asInt(0) != 1) {
                        return CompletableFuture.completedFuture(answers);
                    }
                    long fen = priceAnswer.hasNonNull("price") ? Fen.parse(priceAnswer.get("price").asText())
                            : fallbackFen;
                    String orderId = priceAnswer.path("order_id").asText(query.path("order_id").asText(""));
                    String car = priceAnswer.path("car_number").asText(query.path("car_number").asText(""));
                    long now = sim.clock().instant().getEpochSecond();
                    String tradeNo = "simtrade" + now + SEQ.incrementAndGet();
                    ObjectNode pay = base("prepay_order");
                    pay.put("car_number", car);
                    pay.put("prepay", fen / 100.0);
                    pay.put("prepay_type", 1);
                    pay.put("pay_channel", 0);
                    pay.put("order_id", orderId);
                    pay.put("query_order_no", query.path("query_order_no").asText());
                    pay.put("trade_no", tradeNo);
                    pay.put("query_time", now);
                    pay.put("pay_time", now);
                    pay.put("arrive_money", fen / 100.0);
                    pay.put("fee", 0.0);
                    pay.put("account_type", 1);
                    pay.put("remark", "收到停车费-" + car);
                    sim.addPayment(orderId, new QueryOrderPayment(1, car, orderId, "scancode", scene, 0, 0, 0, now,
                            fen, "查询成功", tradeNo).toJson());
                    return sim.pushWithResend(pay, ResendSchedule.scaled(schedule, resendFactor), answerTimeout)
                            .thenApply(a -> {
                                answers.add(a);
                                return answers;
                            });
                });
    }

    /** 3.6 month_card_sync: a package added in the cloud back-office. */
    public CompletableFuture<ObjectNode> monthCardSync(String packageId) {
        ObjectNode m = WireCodec.MAPPER.createObjectNode();
        ObjectNode data = m.putObject("data");
        data.put("operate_type", 1);
        data.put("price", 150.00);
        data.put("park_id", sim.parkId());
        data.put("create_time", sim.clock().instant().getEpochSecond());
        data.put("name", "月卡套餐");
        data.put("describe", "");
        data.put("package_id", packageId);
        data.put("period", "月");
        data.put("end_type", 0);
        m.put("service_name", "month_card_sync");
        return timed(sim.pushDownlink(m));
    }

    /** 3.18 operate_liftrod: remote gate open (0) or close (1) from the cloud's lane monitor. */
    public CompletableFuture<ObjectNode> gate(String channelId, int operate) {
        ObjectNode m = base("operate_liftrod");
        m.put("channel_id", channelId);
        m.put("channel_name", channelId + "号通道");
        m.put("operate", operate);
        m.put("liftrod_id", UUID.randomUUID().toString().replace("-", ""));
        return timed(sim.pushDownlink(m));
    }

    /** 3.9 lock_car: the owner locks (or unlocks) his parked car from the app. */
    public CompletableFuture<ObjectNode> lock(String orderId, boolean locked) {
        ObjectNode m = base("lock_car");
        m.put("order_id", orderId);
        m.put("is_locked", locked ? 1 : 0);
        m.put("lock_key", String.valueOf(1000 + SEQ.incrementAndGet() % 9000));
        return timed(sim.pushDownlink(m));
    }

    private ObjectNode base(String serviceName) {
        ObjectNode m = WireCodec.MAPPER.createObjectNode();
        m.put("service_name", serviceName);
        m.put("park_id", sim.parkId());
        return m;
    }

    private CompletableFuture<ObjectNode> timed(CompletableFuture<ObjectNode> f) {
        return f.orTimeout(answerTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static CompletableFuture<List<ObjectNode>> single(CompletableFuture<ObjectNode> f) {
        return f.thenApply(List::of);
    }
}
