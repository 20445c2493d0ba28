package com.boothdesk.sdk.sim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulator's payment side and smart-screen peer: what Bolink does when a driver pays at an exit (3.1 price query
 * for the lane, then 3.4 outpark with the result), how it answers the booth's own pay-codes and wallets (2.2 with
 * sweepcode / wallet: 支付中, then 3.4 with the configured outcome), 4.1 pay_status from configured balances, 2.18
 * code_url, and a smart screen per lane (7.1 screen_info, 7.2 init_screen and 7.3 out recorded as pages; 7.4 sweepcode
 * pushed on demand).
 */
public final class PaymentPeer {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentPeer.class);

    /** What Bolink answers to a booth pay-code or wallet payment (2.2 with auth_code / wallet). */
    public record BoothPayOutcome(int syncState, int asyncState, String errmsg) {
        /** 支付中, then success: the usual course. */
        public static final BoothPayOutcome SUCCESS = new BoothPayOutcome(2, 1, "支付成功");
        /** 支付中, then failure (the code expired, the balance was short ...). */
        public static final BoothPayOutcome FAILURE = new BoothPayOutcome(2, 0, "支付失败,请求超时或其他(付款码已过期)");
    }

    /** A page the smart screen of a lane was asked to show (7.2 init counts as the home page, type 0). */
    public record ScreenPage(String channelId, int type, ObjectNode message) {
    }

    private final Function<ObjectNode, CompletableFuture<ObjectNode>> push;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final String parkId;
    private final Map<String, long[]> balances = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> escapes = new ConcurrentHashMap<>();
    private final List<ScreenPage> pages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<ObjectNode> outparks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong trades = new AtomicLong();
    private volatile BoothPayOutcome outcome = BoothPayOutcome.SUCCESS;

    PaymentPeer(Function<ObjectNode, CompletableFuture<ObjectNode>> push, ScheduledExecutorService timer, Clock clock,
                String parkId) {
        this.push = push;
        this.timer = timer;
        this.clock = clock;
        this.parkId = parkId;
    }

    /** How the next booth pay-codes and wallet payments end. */
    public void boothPayOutcome(BoothPayOutcome o) {
        this.outcome = o;
    }

    /** 4.1 answers for this plate: its balance and whether it pays without a password. */
    public void balance(String plate, long balanceFen, boolean autopay) {
        balances.put(plate, new long[] {balanceFen, autopay ? 1 : 0});
    }

    /** 2.38 answers for this plate: an unpaid escape record of {@code moneyFen} at another park. */
    public void escape(String plate, String orderId, long moneyFen) {
        ObjectNode e = WireCodec.MAPPER.createObjectNode();
        e.put("parkName", "模拟车场");
        e.put("orderId", orderId);
        e.put("carNumber", plate);
        e.put("money", java.math.BigDecimal.valueOf(moneyFen, 2).toPlainString());
        e.put("duration", "1天2小时5分钟");
        escapes.computeIfAbsent(plate, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(e);
    }

    /** The smart-screen pages shown, oldest first. */
    public List<ScreenPage> screenPages() {
        return List.copyOf(pages);
    }

    /** The 3.4 outpark messages sent, oldest first. */
    public List<ObjectNode> outparks() {
        return List.copyOf(outparks);
    }

    /**
     * The driver scans the exit code of {@code channelId} and pays: 3.1 query_price (pay_scene 1) for the car waiting
     * there, then 3.4 outpark (scancode) with the price the booth answered. Completes with the booth's answer to the
     * 3.4, or exceptionally when the booth had no car to price.
     */
    public CompletableFuture<ObjectNode> driverPays(String channelId) {
        ObjectNode q = WireCodec.MAPPER.createObjectNode();
        q.put("service_name", "query_price");
        q.put("pay_scene", 1);
        q.put("out_channel_id", channelId);
        q.put("query_order_no", "sim-q-" + trades.incrementAndGet());
        q.put("park_id", parkId);
        return push.apply(q).thenCompose(price -> {
            if (price.path("state").asInt(0) != 1) {
                return CompletableFuture.failedFuture(new IllegalStateException("no price for lane " + channelId
                        + ": " + price.path("errmsg").asText()));
            }
            String money = price.path("price").asText("0");
            return push.apply(outpark(1, price.path("order_id").asText(), "scancode", 0, money,
                    price.path("car_number").asText(""), channelId, "支付成功"));
        });
    }

    /** 7.4 from the lane's smart screen: type 1 with the driver's pay code. */
    public CompletableFuture<ObjectNode> screenPayCode(String channelId, String authCode) {
        ObjectNode s = WireCodec.MAPPER.createObjectNode();
        s.put("service_name", "sweepcode");
        s.put("type", 1);
        s.put("channel_id", channelId);
        s.put("authcode", authCode);
        return push.apply(s);
    }

    /** 7.4 type 2: the driver shows the "paid" code on the phone while the booth was offline. */
    public CompletableFuture<ObjectNode> screenPaidCode(String channelId, String payInfo) {
        ObjectNode s = WireCodec.MAPPER.createObjectNode();
        s.put("service_name", "sweepcode");
        s.put("type", 2);
        s.put("channel_id", channelId);
        s.put("pay_info", payInfo);
        return push.apply(s);
    }

    /** A 3.4 as Bolink sends it. */
    public ObjectNode outpark(int state, String orderId, String payType, int channel, String total, String plate,
                              String lane, String errmsg) {
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", "outpark");
        o.put("state", state);
        o.put("order_id", orderId);
        o.put("trade_no", "sim" + clock.millis() + "-" + trades.incrementAndGet());
        o.put("pay_type", payType);
        o.put("pay_channel", channel);
        o.put("out_channel_id", lane);
        o.put("total", Double.parseDouble(total));
        o.put("errmsg", errmsg);
        o.put("pay_time", clock.instant().getEpochSecond());
        o.put("car_number", plate);
        o.put("arrive_money", Double.parseDouble(total));
        o.put("fee", 0.0);
        o.put("account_type", 1);
        o.put("remark", "收到停车费-" + plate);
        outparks.add(o.deepCopy());
        return o;
    }

    /** Answers the uplinks this peer owns; empty for the others. */
    Optional<ObjectNode> answer(String name, ObjectNode data) {
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", name);
        switch (name) {
            case "out_park" -> {
                String payType = data.path("pay_type").asText("");
                if (!payType.equals("sweepcode") && !payType.equals("wallet")) {
                    return Optional.empty();
                }
                BoothPayOutcome now = outcome;
                o.put("order_id", data.path("order_id").asText(""));
                o.put("pay_type", payType);
                o.put("net_status", 1);
                o.put("state", now.syncState());
                o.put("errmsg", now.syncState() == 2 ? "支付中" : now.errmsg());
                if (now.syncState() == 2) {
                    ObjectNode result = outpark(now.asyncState(), data.path("order_id").asText(""), payType,
                            payType.equals("wallet") ? 2 : 0, data.path("total").asText("0"),
                            data.path("car_number").asText(""), data.path("out_channel_id").asText(""), now.errmsg());
                    timer.schedule(() -> push.apply(result).whenComplete((r, e) -> {
                        if (e != null) {
                            LOG.warn("cloud-sim: 3.4 not answered: {}", e.toString());
                        }
                    }), 50, java.util.concurrent.TimeUnit.MILLISECONDS);
                }
                return Optional.of(o);
            }
            case "pay_status" -> {
                long[] b = balances.getOrDefault(data.path("car_number").asText(""), new long[] {0, 0});
                o.put("state", 1);
                o.put("balance", java.math.BigDecimal.valueOf(b[0], 2).toPlainString());
                o.put("is_exist", b[1] == 1 ? 1 : 0);
                o.put("net_status", 1);
                o.put("car_number", data.path("car_number").asText(""));
                o.put("order_id", data.path("order_id").asText(""));
                o.put("autopay", (int) b[1]);
                o.put("errmsg", "");
                return Optional.of(o);
            }
            case "query_escape" -> {
                o.put("state", 1);
                o.put("errmsg", "查询成功");
                var arr = o.putArray("escapeOrder");
                escapes.getOrDefault(data.path("car_number").asText(""), List.of()).forEach(arr::add);
                return Optional.of(o);
            }
            case "code_url" -> {
                String lane = data.path("channel_id").asText("");
                o.put("state", 1);
                // cam3: type 3 is the no-plate entry code (the seed's example URL form), else the exit code
                o.put("code_url", "https://beta.bolink.club/unionapi/" + (data.path("type").asInt(2) == 3
                        ? "nolienceinpark" : "exitpay") + "?code=" + parkId + "-" + lane);
                o.put("errmsg", "getCodeUrl success");
                o.put("type", data.path("type").asInt(2));
                o.put("channel_id", lane);
                return Optional.of(o);
            }
            case "screen_info" -> {
                String lane = data.path("channel_id").asText("");
                o.put("state", 1);
                o.put("errmsg", "获取成功");
                o.put("device_ip", "192.168.199.199");
                o.put("device_id", "9528166666999999");
                o.put("device_name", lane + "出口");
                o.put("park_id", parkId);
                o.put("channel_id", lane);
                return Optional.of(o);
            }
            case "init_screen", "out" -> {
                if (data.path("channel_id").asText("").isEmpty()) {
                    o.put("state", 0);
                    o.put("errmsg", "缺少 channel_id");
                    return Optional.of(o);
                }
                int type = name.equals("out") ? data.path("type").asInt(-1) : 0;
                if (name.equals("out") && (type < 1 || type > 4 || (type == 4 && data.path("code").asText("")
                        .isEmpty()))) {
                    o.put("state", 0);
                    o.put("errmsg", "页面类型或支付码无效");
                    return Optional.of(o);
                }
                pages.add(new ScreenPage(data.path("channel_id").asText(), type, data.deepCopy()));
                o.put("state", 1);
                o.put("errmsg", "success");
                return Optional.of(o);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    static List<String> names() {
        return new ArrayList<>(List.of("out_park", "pay_status", "code_url", "screen_info", "init_screen", "out"));
    }
}
