package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.8 月卡套餐上传 (fields from the 3.6 twin; operate_type 1 添加 2 修改 3 删除). Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param packageId {@code package_id} required
 * @param name {@code name}
 * @param priceFen {@code price} (fen)
 * @param period {@code period}
 * @param describe {@code describe}
 * @param carType {@code car_type}
 * @param createTime {@code create_time}
 * @param updateTime {@code update_time}
 * @param operateType {@code operate_type} required
 */
public record UploadMonthCard(String packageId, String name, Long priceFen, String period, String describe, String carType, Long createTime, Long updateTime, Integer operateType) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "upload_month_card";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("package_id", packageId, true, UplinkFields.ANY)
                .text("name", name, false, 24)
                .yuan("price", priceFen, false)
                .text("period", period, false, UplinkFields.ANY)
                .text("describe", describe, false, 48)
                .text("car_type", carType, false, UplinkFields.ANY)
                .time("create_time", createTime, false)
                .time("update_time", updateTime, false)
                .number("operate_type", operateType, true)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static UploadMonthCard fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new UploadMonthCard(r.text("package_id"),
                r.text("name"),
                r.fen("price"),
                r.text("period"),
                r.text("describe"),
                r.text("car_type"),
                r.number("create_time"),
                r.number("update_time"),
                r.integer("operate_type"));
    }
}
