package com.boothdesk.sdk.message.uplink;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.44 离线订单(先走后付) ({@code laterpay_order_upload}, data_target {@code cloud}): an order let out before it was
 * paid ("对当前订单先行放行, 并使用本接口上传订单至平台, 由平台完成订单后续的追缴支付"). Strict when written (the notes'
 * fields and widths; the debt {@code price} must be above 0), tolerant when read. The notes' field 10 is named
 * {@code end_time} and described "入场时间": it is evidently the exit time and is written so. The asynchronous answer
 * carries {@code uuid}, {@code state} and {@code message} (not errmsg).
 *
 * @param orderId          订单编号, required, max 30
 * @param carNumber        车牌号, required, max 8
 * @param inChannelId      进场通道, required, max 30
 * @param inTime           入场时间 (unix s), required
 * @param outChannelId     出场通道, required, max 30
 * @param endTime          出场时间 (unix s), required
 * @param carType          车型, optional, max 30
 * @param receivableFen    应收金额 (fen), required
 * @param debtFen          欠费金额 (fen), required, above 0
 * @param remark           备注, optional, max 256 (e.g. 先走后付)
 * @param uuid             唯一标识, required, max 256
 */
public record LaterPayOrder(String orderId, String carNumber, String inChannelId, Long inTime, String outChannelId,
                            Long endTime, String carType, Long receivableFen, Long debtFen, String remark,
                            String uuid) {

    /** The {@code service_name}. */
    public static final String SERVICE_NAME = "laterpay_order_upload";

    /** The flat uplink object. @throws com.boothdesk.sdk.message.MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        UplinkFields w = UplinkFields.write(SERVICE_NAME, "cloud")
                .text("order_id", orderId, true, 30)
                .text("car_number", carNumber, true, 8)
                .text("in_channel_id", inChannelId, true, 30)
                .time("in_time", inTime, true)
                .text("out_channel_id", outChannelId, true, 30)
                .time("end_time", endTime, true)
                .text("car_type", carType, false, 30)
                .yuan("amount_receivable", receivableFen, true)
                .yuan("price", debtFen == null || debtFen > 0 ? debtFen : null, true)
                .text("remark", remark, false, 256)
                .text("uuid", uuid, true, 256);
        return w.done();
    }

    /** Tolerant reading. */
    public static LaterPayOrder fromJson(ObjectNode o) {
        UplinkFields.Reader r = UplinkFields.read(o);
        return new LaterPayOrder(r.text("order_id"), r.text("car_number"), r.text("in_channel_id"),
                r.number("in_time"), r.text("out_channel_id"), r.number("end_time"), r.text("car_type"),
                r.fen("amount_receivable"), r.fen("price"), r.text("remark"), r.text("uuid"));
    }
}
