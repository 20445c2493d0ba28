package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.27 储值卡扣除余额上传. INFERRED: service_name and fields not found; the 2.26 fields plus order_id, account_type 0 (支出, as in 3.21) and the balance left; total_price is the positive amount taken. Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param tradeNo {@code trade_no} required
 * @param cardId {@code card_id} required
 * @param payTime {@code pay_time}
 * @param payType {@code pay_type}
 * @param carNumber {@code car_number}
 * @param orderId {@code order_id}
 * @param totalPriceFen {@code total_price} (fen)
 * @param accountType {@code account_type}
 * @param balanceFen {@code balance} (fen)
 */
public record PrepayCardDeduction(String tradeNo, String cardId, Long payTime, String payType, String carNumber, String orderId, Long totalPriceFen, Integer accountType, Long balanceFen) {

    /** The {@code service_name} (INFERRED). */
    public static final String SERVICE_NAME = "prepay_card_deduction";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("trade_no", tradeNo, true, UplinkFields.ANY)
                .text("card_id", cardId, true, UplinkFields.ANY)
                .time("pay_time", payTime, false)
                .text("pay_type", payType, false, 12)
                .text("car_number", carNumber, false, UplinkFields.ANY)
                .text("order_id", orderId, false, UplinkFields.ANY)
                .yuan("total_price", totalPriceFen, false)
                .number("account_type", accountType, false)
                .yuan("balance", balanceFen, false)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static PrepayCardDeduction fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new PrepayCardDeduction(r.text("trade_no"),
                r.text("card_id"),
                r.number("pay_time"),
                r.text("pay_type"),
                r.text("car_number"),
                r.text("order_id"),
                r.fen("total_price"),
                r.integer("account_type"),
                r.fen("balance"));
    }
}
