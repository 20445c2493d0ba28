package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.15 黑名单上传 (the booth's daily window and weekdays have no field in the protocol). Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param blackUuid {@code black_uuid} required
 * @param carNumber {@code car_number}
 * @param operator {@code operator}
 * @param createTime {@code create_time}
 * @param resume {@code resume}
 * @param operateType {@code operate_type} required
 */
public record UploadBlackuser(String blackUuid, String carNumber, String operator, Long createTime, String resume, Integer operateType) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "upload_blackuser";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("black_uuid", blackUuid, true, UplinkFields.ANY)
                .text("car_number", carNumber, false, UplinkFields.ANY)
                .text("operator", operator, false, 24)
                .time("create_time", createTime, false)
                .text("resume", resume, false, 48)
                .number("operate_type", operateType, true)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static UploadBlackuser fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new UploadBlackuser(r.text("black_uuid"),
                r.text("car_number"),
                r.text("operator"),
                r.number("create_time"),
                r.text("resume"),
                r.integer("operate_type"));
    }
}
