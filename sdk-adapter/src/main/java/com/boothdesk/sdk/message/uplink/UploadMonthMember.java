package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.10 月卡会员上传; a deletion carries the card id, plates and times only. Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param cardId {@code card_id} required
 * @param createTime {@code create_time}
 * @param updateTime {@code update_time}
 * @param carNumber {@code car_number}
 * @param operateType {@code operate_type} required
 * @param beginTime {@code begin_time}
 * @param endTime {@code end_time}
 * @param priceFen {@code price} (fen)
 * @param amountReceivableFen {@code amount_receivable} (fen)
 * @param pid {@code pid}
 * @param pLot {@code p_lot}
 * @param name {@code name}
 * @param tel {@code tel}
 * @param address {@code address}
 * @param remark {@code remark}
 * @param carType {@code car_type}
 * @param channelId {@code channel_id}
 */
public record UploadMonthMember(String cardId, Long createTime, Long updateTime, String carNumber, Integer operateType, Long beginTime, Long endTime, Long priceFen, Long amountReceivableFen, String pid, String pLot, String name, String tel, String address, String remark, String carType, String channelId) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "upload_month_member";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("card_id", cardId, true, UplinkFields.ANY)
                .time("create_time", createTime, false)
                .time("update_time", updateTime, false)
                .text("car_number", carNumber, false, UplinkFields.ANY)
                .number("operate_type", operateType, true)
                .time("begin_time", beginTime, false)
                .time("end_time", endTime, false)
                .yuan("price", priceFen, false)
                .yuan("amount_receivable", amountReceivableFen, false)
                .text("pid", pid, false, UplinkFields.ANY)
                .text("p_lot", pLot, false, UplinkFields.ANY)
                .text("name", name, false, 24)
                .text("tel", tel, false, 15)
                .text("address", address, false, 32)
                .text("remark", remark, false, 32)
                .text("car_type", carType, false, UplinkFields.ANY)
                .text("channel_id", channelId, false, UplinkFields.ANY)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static UploadMonthMember fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new UploadMonthMember(r.text("card_id"),
                r.number("create_time"),
                r.number("update_time"),
                r.text("car_number"),
                r.integer("operate_type"),
                r.number("begin_time"),
                r.number("end_time"),
                r.fen("price"),
                r.fen("amount_receivable"),
                r.text("pid"),
                r.text("p_lot"),
                r.text("name"),
                r.text("tel"),
                r.text("address"),
                r.text("remark"),
                r.text("car_type"),
                r.text("channel_id"));
    }
}
