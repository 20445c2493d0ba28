package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to 2.19 {@code query_order}: {@code service_name}, {@code time_temp}, {@code query_order_no} and the
 * {@code data} array of {@link QueryOrderPayment}s.
 *
 * <p>Reading is tolerant: the seed's own example sends {@code time_temp} as a string of 11 digits while the table
 * says a 13-digit number; both are read. Writing is strict: {@code time_temp} is written as a number.
 */
public record QueryOrderResponse(long timeTemp, String queryOrderNo, List<QueryOrderPayment> payments) {

    public QueryOrderResponse {
        payments = List.copyOf(payments);
    }

    /** The first successful payment of this order, if any. */
    public java.util.Optional<QueryOrderPayment> successFor(String orderId) {
        return payments.stream().filter(p -> p.paid() && orderId.equals(p.orderId())).findFirst();
    }

    public ObjectNode toJson() {
        new Checks().required("query_order_no", queryOrderNo, 30).throwIfAny(QueryOrder.SERVICE_NAME);
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        ArrayNode arr = o.putArray("data");
        payments.forEach(p -> arr.add(p.toJson()));
        o.put("service_name", QueryOrder.SERVICE_NAME);
        o.put("time_temp", timeTemp);
        o.put("query_order_no", queryOrderNo);
        return o;
    }

    /** Tolerant reading; a {@code data} that is missing or not an array reads as no payments. */
    public static QueryOrderResponse fromJson(ObjectNode o) {
        List<QueryOrderPayment> list = new ArrayList<>();
        JsonNode data = o.get("data");
        if (data != null && data.isArray()) {
            for (JsonNode n : data) {
                if (n instanceof ObjectNode p) {
                    list.add(QueryOrderPayment.fromJson(p));
                }
            }
        }
        return new QueryOrderResponse(timeTemp(o.get("time_temp")), InPark.text(o, "query_order_no"), list);
    }

    static long timeTemp(JsonNode n) {
        if (n == null || n.isNull()) {
            return 0;
        }
        if (n.isNumber()) {
            return n.asLong();
        }
        String s = n.asText().trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new MessageValidationException(QueryOrder.SERVICE_NAME,
                    List.of(new Violation("time_temp", "type Number (digits)", s)));
        }
    }
}
