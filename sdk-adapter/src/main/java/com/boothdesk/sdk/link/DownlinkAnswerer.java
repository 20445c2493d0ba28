package com.boothdesk.sdk.link;

import com.boothdesk.sdk.message.MessageKeys;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every downlink into its answer, the same way for every {@link CloudLink}: calls the handler, completes the
 * reply ({@link DownlinkReplies}), answers {@code state:0} when the handler fails, and recognises resent downlinks
 * (the cloud resends payment messages) so the handler acts once and the cloud gets the same answer again.
 *
 * <p>A payment resend is recognised by {@code service_name} + {@code trade_no} + {@code state} (an {@code outpark}
 * that moves from 支付中 (2) to 成功 (1) is a new message); any other message (keyed by {@code order_id},
 * {@code package_id} …, whose add / modify / delete share the key) only when it is identical. Questions
 * ({@code query_price} …) are never deduplicated: each wants a fresh answer. Not thread-safe: one thread answers.
 */
public final class DownlinkAnswerer {

    private static final Logger LOG = LoggerFactory.getLogger(DownlinkAnswerer.class);
    private static final int REMEMBERED = 10_000;
    private static final Set<String> QUESTIONS = Set.of("query_price", "query_prodprice", "query_newprodprice",
            "pass_through", "check_vip", "query_car_info", "nolicence_in_park", "sweepcode");

    private volatile Function<ObjectNode, ObjectNode> handler;
    private final Map<String, ObjectNode> answered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long duplicates;

    public void setHandler(Function<ObjectNode, ObjectNode> handler) {
        this.handler = handler;
    }

    /** How many resent downlinks were answered from memory. */
    public synchronized long duplicates() {
        return duplicates;
    }

    /**
     * The answer to one downlink, or null when the message needs none ({@code update_balance}: "车场无需回复").
     */
    public synchronized ObjectNode answer(ObjectNode downlink) {
        String name = downlink.path("service_name").asText("");
        if ("update_balance".equals(name)) {
            callHandler(downlink);
            return null;
        }
        String key = dedupKey(name, downlink);
        if (key != null) {
            ObjectNode previous = answered.get(key);
            if (previous != null) {
                duplicates++;
                LOG.info("resent downlink {} recognised ({}); answered again without acting", name, key);
                return previous.deepCopy();
            }
        }
        ObjectNode reply = callHandler(downlink);
        if (key != null && reply.path("state").asInt(0) == 1) {
            // only successes are remembered: after a failure the cloud's resend deserves another try
            answered.put(key, reply.deepCopy());
        }
        return reply;
    }

    private ObjectNode callHandler(ObjectNode downlink) {
        Function<ObjectNode, ObjectNode> h = handler;
        if (h == null) {
            LOG.warn("no downlink handler: answering {} with state 0", downlink.path("service_name").asText());
            return DownlinkReplies.failure(downlink, "收费系统未处理");
        }
        long t0 = System.nanoTime();
        try {
            ObjectNode r = h.apply(downlink.deepCopy());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > 1000) {
                // the cloud expects the answer within 1 s and gives up after 7 s: the handler must hand work off
                LOG.warn("downlink handler took {} ms for {}; answers are due within 1 s", ms,
                        downlink.path("service_name").asText());
            }
            return r == null ? DownlinkReplies.failure(downlink, "不支持的消息") : DownlinkReplies.complete(downlink, r);
        } catch (RuntimeException e) {
            LOG.error("downlink handler failed on {}", TcpCloudLink.abbreviate(WireCodec.toJson(downlink)), e);
            return DownlinkReplies.failure(downlink, "处理失败: " + e.getMessage());
        }
    }

    private static String dedupKey(String name, ObjectNode downlink) {
        if (QUESTIONS.contains(name)) {
            return null;
        }
        String tradeNo = MessageKeys.text(downlink, "trade_no");
        if (tradeNo != null && !tradeNo.isEmpty()) {
            return name + "|trade_no=" + tradeNo + "|state=" + MessageKeys.text(downlink, "state");
        }
        // sync messages reuse their key for add / modify / delete: only an identical resend is a duplicate
        return name + "|json=" + WireCodec.toJson(downlink);
    }
}
