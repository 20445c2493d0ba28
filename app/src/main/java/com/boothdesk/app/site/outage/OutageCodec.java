package com.boothdesk.app.site.outage;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;

/**
 * The journal's bodies: a stay (with the free spaces its uplink carries and the site's intake id it settles) and a
 * gate event, as JSON with every field named, instants as ISO-8601 text.
 */
final class OutageCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutageCodec() {
    }

    /** A stay opened or closed while down, as the lane recorded it. */
    record StayWrite(ParkingOrder order, int emptySpaces, long siteIntakeId) {
    }

    static String stay(ParkingOrder o, int emptySpaces, long siteIntakeId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("emptySpaces", emptySpaces);
        n.put("siteIntakeId", siteIntakeId);
        n.put("orderId", o.orderId());
        n.put("plate", o.plate());
        n.put("carType", o.carType());
        n.put("entryLane", o.entryLaneId());
        n.put("inTime", text(o.inTime()));
        n.put("entryOperator", o.entryOperator());
        n.put("entryImage", o.entryImage());
        n.put("status", o.status().name());
        n.put("exitLane", o.exitLaneId());
        n.put("outTime", text(o.outTime()));
        n.put("dueFen", o.dueFen());
        n.put("paidFen", o.paidFen());
        n.put("payMethod", o.paymentMethod() == null ? null : o.paymentMethod().name());
        n.put("exitOperator", o.exitOperator());
        n.put("exitImage", o.exitImage());
        n.put("remark", o.remark());
        n.put("kind", o.kind().name());
        n.put("cardId", o.cardId());
        n.put("prepaidFen", o.prepaidFen());
        n.put("prepaidAt", text(o.prepaidAt()));
        n.put("discountFen", o.discountFen());
        n.put("freeReason", o.freeReason());
        n.put("exitPlateRead", o.exitPlateRead());
        return n.toString();
    }

    static StayWrite stay(String body) {
        JsonNode n = read(body);
        String method = str(n, "payMethod");
        ParkingOrder o = new ParkingOrder(str(n, "orderId"), str(n, "plate"), str(n, "carType"), str(n, "entryLane"),
                instant(n, "inTime"), str(n, "entryOperator"), str(n, "entryImage"),
                OrderStatus.valueOf(str(n, "status")), str(n, "exitLane"), instant(n, "outTime"),
                n.path("dueFen").asLong(), n.path("paidFen").asLong(),
                method == null ? null : PaymentMethod.valueOf(method), str(n, "exitOperator"), str(n, "exitImage"),
                str(n, "remark"), CarKind.valueOf(str(n, "kind")), str(n, "cardId"), n.path("prepaidFen").asLong(),
                instant(n, "prepaidAt"), n.path("discountFen").asLong(), str(n, "freeReason"),
                str(n, "exitPlateRead"));
        return new StayWrite(o, n.path("emptySpaces").asInt(), n.path("siteIntakeId").asLong(-1));
    }

    static String gate(GateEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("lane", e.laneId());
        n.put("at", text(e.at()));
        n.put("action", e.action().name());
        n.put("cause", e.cause().name());
        n.put("operator", e.operator());
        n.put("orderId", e.orderId());
        n.put("reason", e.reason());
        n.put("image", e.image());
        n.put("result", e.outcome().result().name());
        n.put("detail", e.outcome().detail());
        return n.toString();
    }

    static GateEvent gate(String body) {
        JsonNode n = read(body);
        return new GateEvent(str(n, "lane"), instant(n, "at"), GateEvent.Action.valueOf(str(n, "action")),
                GateEvent.Cause.valueOf(str(n, "cause")), str(n, "operator"), str(n, "orderId"), str(n, "reason"),
                str(n, "image"), new GateOutcome(GateOutcome.Result.valueOf(str(n, "result")), str(n, "detail")));
    }

    /**
     * A body of named fields (the other writes of the car's path): {@code kv} alternates names and values; a value
     * is text, a number, a boolean, an instant (ISO-8601 text), a list of text, or null.
     */
    static String fields(Object... kv) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            String k = (String) kv[i];
            Object v = kv[i + 1];
            if (v == null) {
                n.putNull(k);
            } else if (v instanceof Long l) {
                n.put(k, l);
            } else if (v instanceof Integer x) {
                n.put(k, x);
            } else if (v instanceof Boolean b) {
                n.put(k, b);
            } else if (v instanceof java.util.List<?> list) {
                var a = n.putArray(k);
                list.forEach(x -> a.add(String.valueOf(x)));
            } else {
                n.put(k, v.toString());
            }
        }
        return n.toString();
    }

    /** A body read back: its fields by name. */
    record Fields(JsonNode n) {
        String text(String f) {
            return str(n, f);
        }

        long fen(String f) {
            return n.path(f).asLong();
        }

        Instant at(String f) {
            return instant(n, f);
        }

        java.util.List<String> list(String f) {
            java.util.List<String> out = new java.util.ArrayList<>();
            n.path(f).forEach(x -> out.add(x.asText()));
            return out;
        }
    }

    static Fields fields(String body) {
        return new Fields(read(body));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable journal entry: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(JsonNode n, String field) {
        String s = str(n, field);
        return s == null ? null : Instant.parse(s);
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
