package com.boothdesk.sdk.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which field identifies a message: used to match a reply to its request, to echo the key when answering a
 * downlink, and to recognise resent downlinks.
 */
public final class MessageKeys {

    /** A key field and its value as text. */
    public record Key(String field, String value) {
    }

    /** Uplink service_name to the field the server echoes in its reply. */
    private static final Map<String, String> UPLINK_KEY = Map.ofEntries(
            Map.entry("in_park", "order_id"), Map.entry("out_park", "order_id"),
            Map.entry("upload_order", "order_id"), Map.entry("laterpay_order_upload", "order_id"),
            Map.entry("etc_pay", "order_id"), Map.entry("pay_status", "order_id"),
            Map.entry("query_inpark", "car_number"), Map.entry("query_order", "time_temp"),
            Map.entry("upload_collector", "user_id"), Map.entry("work_record", "uuid"),
            Map.entry("park_log", "log_id"), Map.entry("upload_month_card", "package_id"),
            Map.entry("upload_price", "price_id"), Map.entry("upload_month_member", "card_id"),
            Map.entry("upload_liftrod", "liftrod_id"), Map.entry("upload_gate", "channel_id"),
            Map.entry("upload_blackuser", "black_uuid"), Map.entry("upload_car_type", "car_type_id"),
            Map.entry("upload_confirm_order", "event_id"), Map.entry("month_pay_record", "trade_no"),
            Map.entry("prepay_card_record", "trade_no"), Map.entry("upload_ticket_deduction", "ticket_id"),
            Map.entry("upload_invoice", "order_id"), Map.entry("upload_duration_info", "order_id"));

    /** Fields that are echoed when answering a downlink, in order of importance. */
    public static final List<String> ECHO_FIELDS = List.of("trade_no", "order_id", "query_order_no", "message_uuid",
            "uuid", "request_no", "package_id", "card_id", "user_id", "price_id", "channel_id", "black_uuid",
            "car_type_id", "ticket_id", "event_id", "liftrod_id", "lock_key", "timetemp", "car_number", "park_id");

    /** Fields copied from a downlink into its answer when the handler did not set them (keys and what the
     *  documented answers repeat: is_locked for 3.9, operate for 3.18, operate_type for the sync messages). */
    public static final List<String> REPLY_ECHO_FIELDS = java.util.stream.Stream.concat(ECHO_FIELDS.stream(),
            java.util.stream.Stream.of("is_locked", "operate", "operate_type")).toList();

    private MessageKeys() {
    }

    /** The key a reply to this uplink echoes, or empty when the service has none (replies match in order). */
    public static Optional<Key> uplinkKey(ObjectNode uplink) {
        String field = UPLINK_KEY.get(uplink.path("service_name").asText());
        if (field == null) {
            field = uplink.has("order_id") ? "order_id" : null;
        }
        if (field == null) {
            return Optional.empty();
        }
        JsonNode v = uplink.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(new Key(field, v.asText()));
    }

    /**
     * The identity of a downlink for duplicate detection: {@code trade_no}, else {@code order_id}, else the first
     * echo field present (also looked up inside a {@code data} object, where 停车云 sync messages keep their fields).
     */
    public static Optional<Key> downlinkKey(ObjectNode downlink) {
        for (String f : ECHO_FIELDS) {
            String v = text(downlink, f);
            if (v != null && !v.isEmpty()) {
                return Optional.of(new Key(f, v));
            }
        }
        return Optional.empty();
    }

    /** Value of a scalar field, looked up at top level and then inside {@code data}; null when absent. */
    public static String text(ObjectNode msg, String field) {
        JsonNode v = msg.get(field);
        if ((v == null || v.isNull()) && msg.get("data") instanceof ObjectNode inner) {
            v = inner.get(field);
        }
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }

    /** {@code bolink} or {@code cloud}: where the answer to this downlink must go. */
    public static String replyTarget(String downlinkServiceName) {
        return com.boothdesk.sdk.protocol.ServiceName.of(downlinkServiceName)
                .map(com.boothdesk.sdk.protocol.ServiceName::replyTarget).orElse("cloud");
    }
}
