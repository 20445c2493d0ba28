package com.boothdesk.sdk.sim;

import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.FieldSpec;
import com.boothdesk.sdk.protocol.FieldType;
import com.boothdesk.sdk.protocol.MessageSpec;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The simulator's answers to the uplinks, built from the catalogue's reply spec of each entry: the answer carries the
 * same service_name and exactly the documented reply fields, {@code state 1}, the {@code errmsg} text of the notes'
 * example where the notes give one, the request's keys echoed, and plausible values for what the cloud would compute
 * (in-park orders from the uplinks received so far, empty lists for the other queries).
 *
 * <p>Two quirks of the notes are reproduced: 2.16 is answered as {@code car_type_upload} with {@code cartype_id}, and
 * 2.44 answers {@code message} instead of {@code errmsg}. A city-platform message (parkInfo envelope, 2.39–2.43) is
 * answered with its inner service_name at top level (INFERRED: the notes show no answer envelope).
 */
final class CatalogueReplies {

    /** The errmsg of each entry's success example in the notes; entries without an example get {@link #DEFAULT}. */
    static final Map<String, String> ERRMSG = Map.ofEntries(
            Map.entry("upload_collector", " upload data success!"), Map.entry("work_record", " upload data success!"),
            Map.entry("park_log", " upload data success!"), Map.entry("upload_month_card", ""),
            Map.entry("upload_price", " upload data success!"), Map.entry("upload_month_member", ""),
            Map.entry("month_pay_record", "upload data success!"), Map.entry("upload_gate", "上传成功"),
            Map.entry("upload_blackuser", ""), Map.entry("upload_car_type", ""),
            Map.entry("upload_confirm_order", "upload data success!"), Map.entry("code_url", "getCodeUrl success"),
            Map.entry("query_inpark", "查询成功"), Map.entry("query_park_dailyorder", "success"),
            Map.entry("query_month_card", "查询成功!"), Map.entry("prepay_card_record", ""),
            Map.entry("query_prepay_card_balance", "查询余额成功!"), Map.entry("upload_ticket_deduction", "上传成功!"),
            Map.entry("upload_invoice", "上传成功"), Map.entry("upload_file", "upload data success!"),
            Map.entry("upload_duration_info", "上传成功"), Map.entry("upload_park_data", "上传成功"),
            Map.entry("upload_ticket", ""));

    /** errmsg of entries whose example shows none (the 停车云 server's usual success text). */
    static final String DEFAULT = " upload data success!";

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private final Catalogue catalogue;
    private final String parkId;
    private final Supplier<List<ObjectNode>> inParkOrders;

    /**
     * @param parkId       the simulated park's id (answers that name the park)
     * @param inParkOrders the in_park uplinks of the cars still in the lot (no out_park / upload_order yet)
     */
    CatalogueReplies(Catalogue catalogue, String parkId, Supplier<List<ObjectNode>> inParkOrders) {
        this.catalogue = catalogue;
        this.parkId = parkId;
        this.inParkOrders = inParkOrders;
    }

    /**
     * The documented answer to an uplink, or empty when the catalogue has no reply spec for its service_name (unknown
     * names and entries whose answer the notes do not document: the caller answers generically).
     *
     * @param serviceName the envelope's service_name ({@code parkInfo} for a city-platform message)
     * @param data        the envelope's data object
     */
    Optional<ObjectNode> reply(String serviceName, ObjectNode data) {
        String name = serviceName;
        ObjectNode fields = data;
        if ("parkInfo".equals(name)) {
            if (!(data.get("data") instanceof ObjectNode inner) || !inner.path("service_name").isTextual()) {
                return Optional.empty();
            }
            name = inner.get("service_name").asText();
            fields = inner;
        }
        Optional<MessageSpec> spec = catalogue.byServiceName(name).stream()
                .filter(s -> s.direction() != MessageSpec.Direction.DOWN && s.replyFields().isPresent())
                .findFirst();
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", name.equals("upload_car_type") ? "car_type_upload" : name);
        for (FieldSpec f : spec.get().replyFields().get()) {
            o.set(f.name(), value(name, f, fields));
        }
        return Optional.of(o);
    }

    private JsonNode value(String name, FieldSpec f, ObjectNode req) {
        var n = WireCodec.MAPPER.getNodeFactory();
        switch (f.name()) {
            case "state":
                return n.numberNode(1);
            case "errmsg":
                return n.textNode(ERRMSG.getOrDefault(name, DEFAULT));
            case "message":
                return n.textNode("");
            case "park_id":
                return n.textNode(parkId);
            case "cartype_id":
                return echo(f, req.get("car_type_id"));
            default:
                break;
        }
        JsonNode computed = computed(name, f.name(), req);
        if (computed != null) {
            return computed;
        }
        JsonNode sent = req.get(f.name());
        if (sent != null && !sent.isNull() && !sent.isContainerNode()) {
            return echo(f, sent);
        }
        return switch (f.type()) {
            case S -> n.textNode("");
            case N -> n.numberNode(0);
            case D -> n.numberNode(0.0);
            case M -> n.textNode("0.00");
            case J -> n.objectNode();
            case A -> n.arrayNode();
        };
    }

    /** What the cloud would compute rather than echo; null when the field is echoed or defaulted. */
    private JsonNode computed(String name, String field, ObjectNode req) {
        var n = WireCodec.MAPPER.getNodeFactory();
        String car = req.path("car_number").asText("");
        switch (name + "." + field) {
            case "code_url.code_url":
                return n.textNode("https://cloud-sim.invalid/unionapi/nolienceinpark?code="
                        + Integer.toHexString((req.path("channel_id").asText("") + parkId).hashCode()));
            case "query_inpark.data": {
                ArrayNode a = n.arrayNode();
                for (ObjectNode in : inParkOrders.get()) {
                    if (in.path("car_number").asText("").equals(car)) {
                        ObjectNode e = a.addObject();
                        e.set("in_time", in.get("in_time"));
                        e.put("car_number", car);
                        e.set("order_id", in.get("order_id"));
                    }
                }
                return a;
            }
            case "query_park_dailyorder.order_url":
                return n.textNode("https://cloud-sim.invalid/unionapi/parkdailyorder?park_id=" + parkId
                        + "&start_time=" + req.path("start_time").asText("") + "&end_time="
                        + req.path("end_time").asText(""));
            case "upload_collector.cloud_id":
                return n.numberNode(100001);
            case "query_month_card.msg_id":
                return n.textNode("sim." + Math.abs(req.path("random_str").asText("").hashCode()));
            case "parking_business_count.data":
                return n.objectNode().put("parking_business_count", inParkOrders.get().size());
            case "parking_business_list.data": {
                ObjectNode d = n.objectNode();
                ArrayNode ids = d.putArray("ext_order_id_list");
                inParkOrders.get().forEach(in -> ids.add(in.path("order_id").asText("")));
                return d;
            }
            case "park_check.data":
                return n.objectNode().put("status", "1").put("reason", "0").put("share_status", "0");
            case "get_screen_str.screen_str":
                return n.textNode("一路顺风");
            case "screen_info.device_ip":
                return n.textNode("127.0.0.1");
            case "screen_info.device_id":
                return n.textNode("sim-screen-" + req.path("channel_id").asText(""));
            case "screen_info.device_name":
                return n.textNode("智慧屏 " + req.path("channel_id").asText(""));
            case "pay_status.net_status":
                return n.numberNode(1);
            default:
                return null;
        }
    }

    /** The request's value in the reply's documented type (an integer sent as text is answered as a number). */
    private static JsonNode echo(FieldSpec f, JsonNode sent) {
        var n = WireCodec.MAPPER.getNodeFactory();
        if (sent == null || sent.isNull()) {
            return f.type() == FieldType.N ? n.numberNode(0) : n.textNode("");
        }
        String text = sent.asText();
        if (f.type() == FieldType.N && sent.isTextual() && INTEGER.matcher(text.strip()).matches()) {
            return n.numberNode(Long.parseLong(text.strip()));
        }
        if (f.type() == FieldType.S && !sent.isTextual()) {
            return n.textNode(text);
        }
        // anything else goes back as it came, so the booth can match the answer by its key
        return sent;
    }
}
