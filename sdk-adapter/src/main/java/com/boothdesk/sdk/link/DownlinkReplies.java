package com.boothdesk.sdk.link;

import com.boothdesk.sdk.message.MessageKeys;
import com.boothdesk.sdk.protocol.ServiceName;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Completes the answer to a downlink so that it always carries what the cloud needs to match it. */
public final class DownlinkReplies {

    private DownlinkReplies() {
    }

    /**
     * Fills in {@code service_name}, {@code data_target}, {@code state} (1 when the handler gave none) and every key
     * field of the downlink that the reply does not already carry; the answers of 3.38–3.40 are put in the parkInfo
     * envelope ({@link ServiceName#answeredInParkInfo()}). Completing a completed answer changes nothing.
     */
    public static ObjectNode complete(ObjectNode downlink, ObjectNode reply) {
        if (ServiceName.PARKINFO_ENVELOPE.equals(reply.path("service_name").asText(null))) {
            return reply.deepCopy(); // already complete
        }
        String name = downlink.path("service_name").asText("");
        if (ServiceName.PARKINFO_ENVELOPE.equals(name) && downlink.get("data") instanceof ObjectNode inner
                && inner.path("service_name").isTextual()) {
            downlink = inner; // a downlink that came in the envelope: answered under its inner name
            name = inner.get("service_name").asText();
        }
        ObjectNode flat = flat(downlink, name, reply);
        if (ServiceName.of(name).filter(ServiceName::answeredInParkInfo).isPresent()) {
            // 3.38-3.40: the answer travels in the city-platform envelope
            ObjectNode env = WireCodec.MAPPER.createObjectNode();
            env.put("service_name", ServiceName.PARKINFO_ENVELOPE);
            env.put("data_target", "bolink");
            env.put("path", ServiceName.PARKINFO_PATH);
            flat.remove("data_target");
            env.set("data", flat);
            return env;
        }
        return flat;
    }

    private static ObjectNode flat(ObjectNode downlink, String name, ObjectNode reply) {
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
