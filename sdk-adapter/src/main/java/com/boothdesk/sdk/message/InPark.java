package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.1 车辆入场 ({@code in_park}): the entry order, sent to 停车云 and 泊链 ({@code uploadInParkOrder}).
 *
 * @param carNumber       车牌, max 8, required
 * @param inTimeEpochSec  进场时间, unix seconds
 * @param carType         车型 (free text, e.g. 小车), max 8, required
 * @param cType           进场类型 (free text, e.g. 自动识别), max 8, required
 * @param uid             入场收费员 id, max 24, required
 * @param orderId         订单记录号, unique per stay, {@code [0-9A-Za-z_]}, max 48
 * @param emptyPlot       空闲车位数
 * @param inChannelId     进场通道, max 24, required
 * @param workStationUuid 岗亭/工作站, max 24, optional
 * @param remark          备注, max 24, optional
 * @param carCostType     车辆种类 1..9 ({@code car_cost_type}), optional
 * @param licenseColor    车牌颜色 0..7 ({@code license_color}), optional
 */
public record InPark(String carNumber, long inTimeEpochSec, String carType, String cType, String uid,
                     String orderId, int emptyPlot, String inChannelId, String workStationUuid, String remark,
                     Integer carCostType, Integer licenseColor) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "in_park";

    /** The required fields only. */
    public InPark(String carNumber, long inTimeEpochSec, String carType, String cType, String uid, String orderId,
                  int emptyPlot, String inChannelId) {
        this(carNumber, inTimeEpochSec, carType, cType, uid, orderId, emptyPlot, inChannelId, null, null, null, null);
    }

    /**
     * The flat uplink object ({@code service_name} + fields, no {@code data_target}: the SDK sends 2.1 to both
     * platforms).
     *
     * @throws MessageValidationException naming every broken rule
     */
    public ObjectNode toJson() {
        new Checks().required("car_number", carNumber, 8).required("car_type", carType, 8)
                .required("c_type", cType, 8).required("uid", uid, 24).orderId("order_id", orderId)
                .required("in_channel_id", inChannelId, 24).optional("work_station_uuid", workStationUuid, 24)
                .optional("remark", remark, 24).nonNegative("in_time", inTimeEpochSec)
                .nonNegative("empty_plot", emptyPlot).oneOf("car_cost_type", carCostType, 1, 9)
                .oneOf("license_color", licenseColor, 0, 7).throwIfAny(SERVICE_NAME);
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", SERVICE_NAME);
        o.put("car_number", carNumber);
        o.put("in_time", inTimeEpochSec);
        o.put("car_type", carType);
        o.put("c_type", cType);
        o.put("uid", uid);
        o.put("order_id", orderId);
        o.put("empty_plot", emptyPlot);
        o.put("in_channel_id", inChannelId);
        putIfNotNull(o, "work_station_uuid", workStationUuid);
        putIfNotNull(o, "remark", remark);
        if (carCostType != null) {
            o.put("car_cost_type", carCostType);
        }
        if (licenseColor != null) {
            o.put("license_color", licenseColor);
        }
        return o;
    }

    /** Tolerant reading: numbers given as text are accepted, unknown fields ignored. */
    public static InPark fromJson(ObjectNode o) {
        return new InPark(text(o, "car_number"), o.path("in_time").asLong(), text(o, "car_type"), text(o, "c_type"),
                text(o, "uid"), text(o, "order_id"), o.path("empty_plot").asInt(), text(o, "in_channel_id"),
                text(o, "work_station_uuid"), text(o, "remark"), intOrNull(o, "car_cost_type"),
                intOrNull(o, "license_color"));
    }

    static void putIfNotNull(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    static String text(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Integer intOrNull(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asInt();
    }

    static Long longOrNull(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asLong();
    }
}
