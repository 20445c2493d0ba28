package com.boothdesk.sdk.message.downlink;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;

import com.boothdesk.sdk.message.Fen;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tolerant reading of one downlink (reading is tolerant, writing strict): fields are looked up in {@code data} (停车云 sync messages) and then at top
 * level (flat pushes); keys are matched trimmed (the 3.16 example has {@code "end_time "}); numbers may come as
 * text; times as Unix seconds, milliseconds or "yyyy-MM-dd HH:mm:ss" in the park's zone; "null" counts as absent.
 */
public final class DownlinkFields {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ HH:mm[:ss]]");
    /** Below this a number is seconds, above it milliseconds (10^11 s is the year 5138). */
    private static final long MILLIS_FROM = 100_000_000_000L;

    /** The park's zone when none is configured. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final ObjectNode message;
    private final ObjectNode data;
    private final ZoneId zone;

    public DownlinkFields(ObjectNode message, ZoneId zone) {
        this.message = java.util.Objects.requireNonNull(message, "message");
        this.data = message.get("data") instanceof ObjectNode d ? d : null;
        this.zone = zone;
    }

    /** Fields of a downlink read in the park's default zone. */
    public static DownlinkFields of(ObjectNode message) {
        return new DownlinkFields(message, DEFAULT_ZONE);
    }

    /** The downlink as it came. */
    public ObjectNode message() {
        return message;
    }

    /** The value as text, trimmed; null when absent, JSON null, blank or "null". */
    public String text(String field) {
        JsonNode v = find(data, field);
        if (absent(v)) {
            v = find(message, field);
        }
        if (absent(v)) {
            return null;
        }
        String s = v.isTextual() ? v.asText().trim() : v.toString().trim();
        return s.isEmpty() || s.equalsIgnoreCase("null") ? null : s;
    }

    public String text(String field, String fallback) {
        String v = text(field);
        return v == null ? fallback : v;
    }

    public String require(String field) {
        String v = text(field);
        if (v == null) {
            throw new DownlinkFieldException("缺少字段 " + field);
        }
        return v;
    }

    /** Whole number (also "1", "1.0", 1.0); null when absent. */
    public Long number(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DownlinkFieldException("字段 " + field + " 不是整数: " + v);
        }
    }

    public int integer(String field, int fallback) {
        Long v = number(field);
        if (v == null) {
            return fallback;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new DownlinkFieldException("字段 " + field + " 超出范围: " + v);
        }
        return v.intValue();
    }

    public int requireInt(String field) {
        require(field);
        return integer(field, 0);
    }

    /** operate_type, which must be one of {@code allowed}. */
    public int operateType(int... allowed) {
        int op = requireInt("operate_type");
        for (int a : allowed) {
            if (a == op) {
                return op;
            }
        }
        throw new DownlinkFieldException("未知的操作类型 operate_type=" + op);
    }

    /** Yuan (text or number) as fen; null when absent. */
    public Long fen(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        String s = v.endsWith("元") ? v.substring(0, v.length() - 1).trim() : v;
        try {
            return Fen.parse(s);
        } catch (NumberFormatException e) {
            throw new DownlinkFieldException("字段 " + field + " 不是金额: " + v);
        }
    }

    public long fen(String field, long fallback) {
        Long v = fen(field);
        return v == null ? fallback : v;
    }

    /** An instant from seconds, milliseconds or a local date-time text; null when absent. */
    public Instant instant(String field) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        if (v.matches("-?\\d+(\\.0+)?")) {
            long n = new BigDecimal(v).longValue();
            return n >= MILLIS_FROM ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            return LocalDateTime.parse(v.replace('T', ' ').replace('/', '-'), DATE_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v.replace('/', '-')).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw new DownlinkFieldException("字段 " + field + " 不是时间: " + v);
            }
        }
    }

    public Instant requireInstant(String field) {
        require(field);
        return instant(field);
    }

    /** The local date of an instant field in the park's zone. */
    public LocalDate startDate(Instant at) {
        return LocalDateTime.ofInstant(at, zone).toLocalDate();
    }

    /** The last day an end instant covers: an end at 00:00:00 covers the day before (its last second). */
    public LocalDate endDate(Instant end) {
        return LocalDateTime.ofInstant(end.minusSeconds(1), zone).toLocalDate();
    }

    public LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, zone);
    }

    /** The park's zone the local times are read in. */
    public ZoneId zone() {
        return zone;
    }

    /** True when the field is present and not blank. */
    public boolean has(String field) {
        return text(field) != null;
    }

    /** A JSON object or array field (looked up in data, then at top level); null when absent. */
    public JsonNode node(String field) {
        JsonNode v = find(data, field);
        if (v == null || v.isNull()) {
            v = find(message, field);
        }
        return v == null || v.isNull() ? null : v;
    }

    /** The service_name as sent. */
    public String serviceName() {
        return message.path("service_name").asText("");
    }

    private static boolean absent(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode();
    }

    private static JsonNode find(ObjectNode o, String field) {
        if (o == null) {
            return null;
        }
        JsonNode v = o.get(field);
        if (v != null) {
            return v;
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.trim().equals(field)) {
                return o.get(name);
            }
        }
        return null;
    }
}
