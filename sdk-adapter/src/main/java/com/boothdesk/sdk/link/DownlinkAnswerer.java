package com.boothdesk.sdk.link;

import com.boothdesk.sdk.message.MessageKeys;
import com.boothdesk.sdk.message.downlink.DownlinkReply;
import com.boothdesk.sdk.protocol.ServiceName;
import com.boothdesk.sdk.wire.LogSafe;
import com.boothdesk.sdk.wire.WireCodec;
import com.boothdesk.sdk.wire.WireFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * ({@code query_price} …) are never deduplicated: each wants a fresh answer.
 *
 * <p>Memory: the resend memory keeps, per remembered downlink, a short key (the service_name and the trade_no, or a
 * SHA-256 of the whole downlink — never the downlink itself) and the compact text of the answer, which is itself an
 * uplink and so at most 1,024 bytes on the wire. It holds at most {@link #DEFAULT_MAX_ENTRIES} entries and
 * {@link #DEFAULT_MAX_BYTES} characters in all, the oldest forgotten first: a cloud sending any number of large,
 * distinct downlinks cannot make it grow past that budget. All methods are synchronized.
 */
public final class DownlinkAnswerer {

    private static final Logger LOG = LoggerFactory.getLogger(DownlinkAnswerer.class);
    /** Downlinks remembered at most. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    /** Characters (keys + answers) remembered at most: 4 Mi characters, at most 8 MB of string data. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;
    /** An answer longer than this cannot be sent (the cloud's line limit) and is not remembered. */
    private static final int MAX_REMEMBERED_ANSWER = 2 * WireCodec.MAX_UPLINK_BYTES;
    /** Fixed cost counted per entry on top of its characters (map node, two strings' headers). */
    private static final int ENTRY_OVERHEAD = 96;
    private volatile Function<ObjectNode, ObjectNode> handler;
    private final int maxEntries;
    private final long maxBytes;
    private final Map<String, String> answered = new LinkedHashMap<>(256, 0.75f, true);
    private long rememberedBytes;
    private long duplicates;

    public DownlinkAnswerer() {
        this(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
    }

    /** A resend memory with its own budget (tests). */
    public DownlinkAnswerer(int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("the resend memory needs a positive budget");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** How many downlinks the resend memory holds. */
    public synchronized int rememberedCount() {
        return answered.size();
    }

    /** The memory the resend memory accounts for (characters of keys and answers plus a fixed cost per entry). */
    public synchronized long rememberedBytes() {
        return rememberedBytes;
    }

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
        if (ServiceName.of(name).filter(n -> !n.answered()).isPresent()) {
            callHandler(downlink);
            return null;
        }
        String key = dedupKey(name, downlink);
        if (key != null) {
            String previous = answered.get(key);
            if (previous != null) {
                try {
                    ObjectNode again = WireCodec.parseObject(previous);
                    duplicates++;
                    LOG.info("resent downlink {} recognised ({}); answered again without acting",
                            LogSafe.text(name, 64), LogSafe.text(key, 120));
                    return again;
                } catch (WireFormatException e) {
                    forget(key);
                }
            }
        }
        ObjectNode reply = callHandler(downlink);
        if (key != null && reply.path("state").asInt(0) == 1) {
            // only successes are remembered: after a failure the cloud's resend deserves another try
            remember(key, WireCodec.toJson(reply));
        }
        return reply;
    }

    private void remember(String key, String answer) {
        if (answer.length() > MAX_REMEMBERED_ANSWER) {
            return;
        }
        forget(key);
        answered.put(key, answer);
        rememberedBytes += cost(key, answer);
        for (Iterator<Map.Entry<String, String>> it = answered.entrySet().iterator();
             it.hasNext() && (answered.size() > maxEntries || rememberedBytes > maxBytes); ) {
            Map.Entry<String, String> eldest = it.next();
            rememberedBytes -= cost(eldest.getKey(), eldest.getValue());
            it.remove();
        }
    }

    private void forget(String key) {
        String old = answered.remove(key);
        if (old != null) {
            rememberedBytes -= cost(key, old);
        }
    }

    private static long cost(String key, String answer) {
        return key.length() + answer.length() + ENTRY_OVERHEAD;
    }

    private ObjectNode callHandler(ObjectNode downlink) {
        Function<ObjectNode, ObjectNode> h = handler;
        if (h == null) {
            LOG.warn("no downlink handler: answering {} with state 0", downlink.path("service_name").asText());
            return DownlinkReplies.failure(downlink, DownlinkReply.NOT_HANDLED + " " + LogSafe.text(downlink.path("service_name").asText(""), 64));
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
            return r == null ? DownlinkReplies.failure(downlink, DownlinkReply.NOT_HANDLED + " "
                    + LogSafe.text(downlink.path("service_name").asText(""), 64)) : DownlinkReplies.complete(downlink, r);
        } catch (RuntimeException e) {
            LOG.error("downlink handler failed on {}", LogSafe.text(WireCodec.toJson(downlink)), e);
            return DownlinkReplies.failure(downlink, DownlinkReply.FAILED + ": " + e.getMessage());
        }
    }

    private static String dedupKey(String name, ObjectNode downlink) {
        if (ServiceName.of(name).filter(ServiceName::isQuestion).isPresent()) {
            return null;
        }
        String tradeNo = MessageKeys.text(downlink, "trade_no");
        if (tradeNo != null && !tradeNo.isEmpty() && tradeNo.length() <= 64) {
            return cut(name) + "|trade_no=" + tradeNo + "|state=" + cut(String.valueOf(
                    MessageKeys.text(downlink, "state")));
        }
        // sync messages reuse their key for add / modify / delete: only an identical resend is a duplicate; the
        // memory keeps a digest of it, never the downlink
        return cut(name) + "|sha256=" + sha256(WireCodec.toJson(downlink));
    }

    private static String cut(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
