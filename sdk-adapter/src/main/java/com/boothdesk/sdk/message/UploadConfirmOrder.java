package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.17 出场模糊匹配确认事件上传 ({@code upload_confirm_order}, data_target {@code cloud}): the exit plate matched no
 * in-park order exactly; an operator picks the order in the cloud, which answers with 3.17 confirm_order_inform.
 * The event's picture goes with 2.12 ({@code picture_source confirm}, same {@code event_id}).
 *
 * @param eventId       事件编号, unique in the charging system, max 24, required
 * @param carNumber     车牌号码, max 8, required
 * @param uploadTimeSec 上传时间 (unix s), optional, max 15 digits
 * @param channelId     通道编号, max 16, required
 */
public record UploadConfirmOrder(String eventId, String carNumber, Long uploadTimeSec, String channelId) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "upload_confirm_order";

    /**
     * The flat uplink object.
     *
     * @throws MessageValidationException naming every broken rule
     */
    public ObjectNode toJson() {
        new Checks().required("event_id", eventId, 24).required("car_number", carNumber, 8)
                .time("upload_time", uploadTimeSec, false, 15).required("channel_id", channelId, 16)
                .throwIfAny(SERVICE_NAME);
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", SERVICE_NAME);
        o.put("data_target", "cloud");
        o.put("event_id", eventId);
        o.put("car_number", carNumber);
        if (uploadTimeSec != null) {
            o.put("upload_time", uploadTimeSec);
        }
        o.put("channel_id", channelId);
        return o;
    }

    /** Tolerant reading: numbers as text, unknown fields ignored. */
    public static UploadConfirmOrder fromJson(ObjectNode o) {
        return new UploadConfirmOrder(InPark.text(o, "event_id"), InPark.text(o, "car_number"),
                InPark.longOrNull(o, "upload_time"), InPark.text(o, "channel_id"));
    }
}
