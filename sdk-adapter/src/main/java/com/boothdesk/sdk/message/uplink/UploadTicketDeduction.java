package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.29 优惠券抵扣上传; ticket_id is a Number in the notes, sent as one when it is numeric. Data target {@code cloud}; strict when written, tolerant when read ({@link UplinkFields}).
 *
 * @param ticketId {@code ticket_id} required
 * @param carNumber {@code car_number}
 * @param shopName {@code shop_name}
 * @param orderId {@code order_id}
 * @param useTime {@code use_time}
 * @param deductionAmountFen {@code deduction_amount} (fen)
 * @param remark {@code remark}
 */
public record UploadTicketDeduction(String ticketId, String carNumber, String shopName, String orderId, Long useTime, Long deductionAmountFen, String remark) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "upload_ticket_deduction";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        return UplinkFields.write(SERVICE_NAME, "cloud")
                .numericId("ticket_id", ticketId, true)
                .text("car_number", carNumber, false, UplinkFields.ANY)
                .text("shop_name", shopName, false, 24)
                .text("order_id", orderId, false, UplinkFields.ANY)
                .time("use_time", useTime, false)
                .yuan("deduction_amount", deductionAmountFen, false)
                .text("remark", remark, false, 32)
                .done();
    }

    /** Tolerant reading (numbers and money as text or numbers, unknown fields ignored). */
    public static UploadTicketDeduction fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new UploadTicketDeduction(r.text("ticket_id"),
                r.text("car_number"),
                r.text("shop_name"),
                r.text("order_id"),
                r.number("use_time"),
                r.fen("deduction_amount"),
                r.text("remark"));
    }
}
