package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.16 车型上传. Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param carTypeId {@code car_type_id} required
 * @param name {@code name}
 * @param createTime {@code create_time}
 * @param updateTime {@code update_time}
 * @param sort {@code sort}
 * @param operateType {@code operate_type} required
 */
public record UploadCarType(String carTypeId, String name, Long createTime, Long updateTime, Integer sort, Integer operateType) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "upload_car_type";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("car_type_id", carTypeId, true, UplinkFields.ANY)
                .text("name", name, false, 24)
                .time("create_time", createTime, false)
                .time("update_time", updateTime, false)
                .number("sort", sort, false)
                .number("operate_type", operateType, true)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static UploadCarType fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new UploadCarType(r.text("car_type_id"),
                r.text("name"),
                r.number("create_time"),
                r.number("update_time"),
                r.integer("sort"),
                r.integer("operate_type"));
    }
}
