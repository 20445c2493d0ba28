package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.13 月卡续费记录上传 (a renewal taken at the booth). Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param tradeNo {@code trade_no} required
 * @param cardId {@code card_id} required
 * @param payTime {@code pay_time}
 * @param amountReceivableFen {@code amount_receivable} (fen)
 * @param amountPayFen {@code amount_pay} (fen)
 * @param payType {@code pay_type}
 * @param collector {@code collector}
 * @param buyMonth {@code buy_month}
 * @param carNumber {@code car_number}
 * @param startTime {@code start_time}
 * @param limitTime {@code limit_time}
 * @param resume {@code resume}
 */
public record MonthPayRecord(String tradeNo, String cardId, Long payTime, Long amountReceivableFen, Long amountPayFen, String payType, String collector, Integer buyMonth, String carNumber, Long startTime, Long limitTime, String resume) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "month_pay_record";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .text("trade_no", tradeNo, true, UplinkFields.ANY)
                .text("card_id", cardId, true, UplinkFields.ANY)
                .time("pay_time", payTime, false)
                .yuan("amount_receivable", amountReceivableFen, false)
                .yuan("amount_pay", amountPayFen, false)
                .text("pay_type", payType, false, 12)
                .text("collector", collector, false, 24)
                .number("buy_month", buyMonth, false)
                .text("car_number", carNumber, false, UplinkFields.ANY)
                .time("start_time", startTime, false)
                .time("limit_time", limitTime, false)
                .text("resume", resume, false, 48)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static MonthPayRecord fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new MonthPayRecord(r.text("trade_no"),
                r.text("card_id"),
                r.number("pay_time"),
                r.fen("amount_receivable"),
                r.fen("amount_pay"),
                r.text("pay_type"),
                r.text("collector"),
                r.integer("buy_month"),
                r.text("car_number"),
                r.number("start_time"),
                r.number("limit_time"),
                r.text("resume"));
    }
}
