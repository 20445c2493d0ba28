package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.26 储值卡充值记录上传 (a top-up made at the booth). Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param tradeNo {@code trade_no} required
 * @param cardId {@code card_id} required
 * @param payTime {@code pay_time}
 * @param payType {@code pay_type}
 * @param carNumber {@code car_number}
 * @param totalPriceFen {@code total_price} (fen)
 * @param actualMoneyFen {@code actual_money} (fen)
 */
public record PrepayCardRecord(String tradeNo, String cardId, Long payTime, String payType, String carNumber, Long totalPriceFen, Long actualMoneyFen) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "prepay_card_record";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("trade_no", tradeNo, true, UplinkFields.ANY)
                .text("card_id", cardId, true, UplinkFields.ANY)
                .time("pay_time", payTime, false)
                .text("pay_type", payType, false, 12)
                .text("car_number", carNumber, false, UplinkFields.ANY)
                .yuan("total_price", totalPriceFen, false)
                .yuanNumber("actual_money", actualMoneyFen, false)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static PrepayCardRecord fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new PrepayCardRecord(r.text("trade_no"),
                r.text("card_id"),
                r.number("pay_time"),
                r.text("pay_type"),
                r.text("car_number"),
                r.fen("total_price"),
                r.fen("actual_money"));
    }
}
