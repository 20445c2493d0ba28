package com.boothdesk.sdk.link;

import com.boothdesk.sdk.message.MessageKeys;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Completes the answer to a downlink so that it always carries what the cloud needs to match it. */
public final class DownlinkReplies {

    private DownlinkReplies() {
    }

    /**
     * Fills in {@code service_name}, {@code data_target}, {@code state} (1 when the handler gave none) and every key
     * field of the downlink that the reply does not already carry.
     */
    public static ObjectNode complete(ObjectNode downlink, ObjectNode reply) {
        String name = downlink.path("service_name").asText("");
        ObjectNode out = WireCodec.MAPPER.createObjectNode();
        out.put("service_name", name);
        out.put("data_target", reply.hasNonNull("data_target") ? reply.get("data_target").asText()
                : MessageKeys.replyTarget(name));
        if (!reply.has("state")) {
            out.put("state", 1);
        }
        for (var e : reply.properties()) {
            if (!e.getKey().equals("service_name") && !e.getKey().equals("data_target")) {
                out.set(e.getKey(), e.getValue());
            }
        }
        for (String f : MessageKeys.REPLY_ECHO_FIELDS) {
            if (!out.has(f)) {
                String v = MessageKeys.text(downlink, f);
                if (v != null) {
                    out.set(f, downlink.has(f) ? downlink.get(f) : ((ObjectNode) downlink.get("data")).get(f));
                }
            }
        }
        return out;
    }

    /** A {@code state:0} answer naming why the downlink was not handled. */
    public static ObjectNode failure(ObjectNode downlink, String errmsg) {
        ObjectNode r = WireCodec.MAPPER.createObjectNode();
        r.put("state", 0);
        r.put("errmsg", errmsg);
        return complete(downlink, r);
    }
}
