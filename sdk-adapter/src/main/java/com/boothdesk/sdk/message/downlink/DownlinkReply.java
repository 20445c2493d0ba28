package com.boothdesk.sdk.message.downlink;

import java.util.Objects;

import com.boothdesk.sdk.message.Fen;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The booth's answer to one downlink, written strictly: a state (1 success, 0 failure, 2 in progress where the
 * notes allow it), a non-empty errmsg, then the documented fields of the answer in order. The link completes it with
 * service_name, data_target, the echoed key fields and, for 3.38–3.40, the parkInfo envelope
 * ({@code DownlinkReplies}); the handler writes only what the message's answer adds.
 */
public final class DownlinkReply {

    /** The one wording for a downlink no part of this booth handles. */
    public static final String NOT_HANDLED = "收费系统暂不支持";
    /** errmsg prefix when a handler failed. */
    public static final String FAILED = "处理失败";
    /** At most this many characters of errmsg go on the wire. */
    public static final int MAX_ERRMSG = 120;

    private final ObjectNode json;

    private DownlinkReply(int state, String errmsg) {
        if (state < 0 || state > 2) {
            throw new IllegalArgumentException("state must be 0, 1 or 2: " + state);
        }
        Objects.requireNonNull(errmsg, "errmsg");
        if (errmsg.isBlank()) {
            throw new IllegalArgumentException("errmsg must say something");
        }
        json = WireCodec.MAPPER.createObjectNode();
        json.put("state", state);
        json.put("errmsg", errmsg.length() <= MAX_ERRMSG ? errmsg : errmsg.substring(0, MAX_ERRMSG));
    }

    /** state 1 with this errmsg. */
    public static DownlinkReply ok(String errmsg) {
        return new DownlinkReply(1, errmsg);
    }

    /** state 0 with the reason. */
    public static DownlinkReply refused(String reason) {
        return new DownlinkReply(0, reason);
    }

    /** state 0 naming a missing required field. */
    public static DownlinkReply missing(String field) {
        return refused("缺少字段 " + field);
    }

    /** state 0 naming a field whose value cannot be used. */
    public static DownlinkReply badValue(String field, String value) {
        String v = value == null ? "null" : value.length() <= 32 ? value : value.substring(0, 32) + "…";
        return refused("字段 " + field + " 的值无效: " + v);
    }

    /** state 0: no part of the booth handles this downlink. */
    public static DownlinkReply notHandled(String serviceName) {
        return refused(NOT_HANDLED + " " + serviceName);
    }

    /** A state other than 0 / 1 (2: 支付中, where the notes have it). */
    public static DownlinkReply state(int state, String errmsg) {
        return new DownlinkReply(state, errmsg);
    }

    /** Wraps an answer built as JSON (state and errmsg required). */
    public static DownlinkReply of(ObjectNode answer) {
        Objects.requireNonNull(answer, "answer");
        JsonNode st = answer.get("state");
        if (st == null || !st.canConvertToInt()) {
            throw new IllegalArgumentException("an answer needs a numeric state: " + answer);
        }
        String msg = answer.path("errmsg").asText("");
        DownlinkReply r = new DownlinkReply(st.asInt(), msg.isBlank() ? (st.asInt() == 1 ? "success" : "失败") : msg);
        answer.properties().forEach(e -> {
            if (!e.getKey().equals("state") && !e.getKey().equals("errmsg")) {
                r.json.set(e.getKey(), e.getValue());
            }
        });
        return r;
    }

    public DownlinkReply with(String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
        return this;
    }

    public DownlinkReply with(String field, long value) {
        json.put(field, value);
        return this;
    }

    public DownlinkReply with(String field, JsonNode value) {
        if (value != null) {
            json.set(field, value);
        }
        return this;
    }

    /** A money field, written as yuan with two decimals. */
    public DownlinkReply withMoney(String field, long fen) {
        json.put(field, Fen.format(fen));
        return this;
    }

    /** 1, 0 or 2. */
    public int state() {
        return json.get("state").asInt();
    }

    public String errmsg() {
        return json.get("errmsg").asText();
    }

    /** True when state is 1. */
    public boolean succeeded() {
        return state() == 1;
    }

    /** A copy of the answer's fields. */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return WireCodec.toJson(json);
    }
}
