package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.35 内部车上传. INFERRED: service_name not found; named after its twin white_list_sync, fields as the HTTP handlewhitecar set; e_time is left out for a long-term entry (end_type 1); caed_id (sic) as the 3.27 twin spells it. Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param carNumber {@code car_number} required
 * @param operateType {@code operate_type} required
 * @param caedId {@code caed_id}
 * @param bTime {@code b_time}
 * @param endType {@code end_type}
 * @param eTime {@code e_time}
 * @param userName {@code user_name}
 * @param remark {@code remark}
 * @param createTime {@code create_time}
 */
public record UploadWhiteList(String carNumber, Integer operateType, String caedId, Long bTime, Integer endType, Long eTime, String userName, String remark, Long createTime) {

    /** The {@code service_name} (INFERRED). */
    public static final String SERVICE_NAME = "upload_white_list";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("car_number", carNumber, true, UplinkFields.ANY)
                .number("operate_type", operateType, true)
                .text("caed_id", caedId, false, UplinkFields.ANY)
                .time("b_time", bTime, false)
                .number("end_type", endType, false)
                .time("e_time", eTime, false)
                .text("user_name", userName, false, 24)
                .text("remark", remark, false, 32)
                .time("create_time", createTime, false)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static UploadWhiteList fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new UploadWhiteList(r.text("car_number"),
                r.integer("operate_type"),
                r.text("caed_id"),
                r.number("b_time"),
                r.integer("end_type"),
                r.number("e_time"),
                r.text("user_name"),
                r.text("remark"),
                r.number("create_time"));
    }
}
