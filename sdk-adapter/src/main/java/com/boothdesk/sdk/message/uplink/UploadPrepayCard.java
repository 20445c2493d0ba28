package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.25 储值卡上传. INFERRED: the notes found neither its service_name nor its fields; named after its twins (month_card_sync / upload_month_card, …) with the 3.20 prepay_card_sync fields. Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param cardId {@code card_id} required
 * @param carNumber {@code car_number}
 * @param name {@code name}
 * @param mobile {@code mobile}
 * @param totalPriceFen {@code total_price} (fen)
 * @param carTypeId {@code car_type_id}
 * @param remark {@code remark}
 * @param createTime {@code create_time}
 * @param updateTime {@code update_time}
 * @param operateType {@code operate_type} required
 */
public record UploadPrepayCard(String cardId, String carNumber, String name, String mobile, Long totalPriceFen, String carTypeId, String remark, Long createTime, Long updateTime, Integer operateType) {

    /** The {@code service_name} (INFERRED). */
    public static final String SERVICE_NAME = "upload_prepay_card";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("card_id", cardId, true, UplinkFields.ANY)
                .text("car_number", carNumber, false, UplinkFields.ANY)
                .text("name", name, false, 24)
                .text("mobile", mobile, false, 15)
                .yuan("total_price", totalPriceFen, false)
                .text("car_type_id", carTypeId, false, UplinkFields.ANY)
                .text("remark", remark, false, 32)
                .time("create_time", createTime, false)
                .time("update_time", updateTime, false)
                .number("operate_type", operateType, true)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static UploadPrepayCard fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new UploadPrepayCard(r.text("card_id"),
                r.text("car_number"),
                r.text("name"),
                r.text("mobile"),
                r.fen("total_price"),
                r.text("car_type_id"),
                r.text("remark"),
                r.number("create_time"),
                r.number("update_time"),
                r.integer("operate_type"));
    }
}
