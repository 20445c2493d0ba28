package com.boothdesk.app.cloud;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.sdk.link.DownlinkReplies;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Routes each cloud downlink to the part of the booth that handles its {@code service_name}, and always produces
 * an answer: a downlink nobody handles is answered {@code state 0} with the reason, never silently dropped.
 */
public final class DownlinkRouter implements Function<ObjectNode, ObjectNode> {

    private static final Logger LOG = LoggerFactory.getLogger(DownlinkRouter.class);

    private final Map<String, Function<ObjectNode, ObjectNode>> handlers = new ConcurrentHashMap<>();

    /** {@code handler} returns the reply fields (state, errmsg, ...); the key fields are echoed for it. */
    public void on(String serviceName, Function<ObjectNode, ObjectNode> handler) {
        handlers.put(serviceName, handler);
    }

    @Override
    public ObjectNode apply(ObjectNode downlink) {
        String name = downlink.path("service_name").asText("");
        Function<ObjectNode, ObjectNode> h = handlers.get(name);
        if (h == null) {
            LOG.warn("Downlink '{}' is not handled by this booth yet; answered state 0", name);
            return DownlinkReplies.failure(downlink, "收费系统暂不支持 " + name);
        }
        try {
            return DownlinkReplies.complete(downlink, h.apply(downlink));
        } catch (RuntimeException e) {
            LOG.error("Downlink '{}' failed: {}", name, e.toString(), e);
            return DownlinkReplies.failure(downlink, "处理失败: " + e.getMessage());
        }
    }
}
