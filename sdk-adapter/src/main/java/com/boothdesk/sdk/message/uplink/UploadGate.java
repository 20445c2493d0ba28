package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.14 车场通道信息上传: passtype 0 入口, 1 出口, 2 出入口. Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param passname {@code passname}
 * @param passtype {@code passtype}
 * @param operateType {@code operate_type} required
 * @param channelId {@code channel_id} required
 * @param laneNo {@code lane_no}
 * @param deviceNo {@code device_no}
 */
public record UploadGate(String passname, Integer passtype, Integer operateType, String channelId, String laneNo, String deviceNo) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "upload_gate";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("passname", passname, false, 24)
                .number("passtype", passtype, false)
                .number("operate_type", operateType, true)
                .text("channel_id", channelId, true, UplinkFields.ANY)
                .text("lane_no", laneNo, false, UplinkFields.ANY)
                .text("device_no", deviceNo, false, UplinkFields.ANY)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static UploadGate fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new UploadGate(r.text("passname"),
                r.integer("passtype"),
                r.integer("operate_type"),
                r.text("channel_id"),
                r.text("lane_no"),
                r.text("device_no"));
    }
}
