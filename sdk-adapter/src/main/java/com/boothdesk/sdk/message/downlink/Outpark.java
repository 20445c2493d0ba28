package com.boothdesk.sdk.message.downlink;

import java.time.Instant;

import com.boothdesk.sdk.protocol.ServiceName;

/**
 * 3.4 电子收费异步返回结果 ({@code outpark}, from 泊链): the result of an electronic payment at the exit (wallet,
 * booth scanner, the driver's exit scan). Only state 1 is a payment; for any other state the booth must settle the
 * exit again with a chosen pay_type.
 *
 * @param state      0 失败, 1 成功, 2 支付中
 * @param orderId    入场订单编号
 * @param tradeNo    订单流水号 (required for state 1; the payment's idempotency key)
 * @param payType    wallet / sweepcode / scancode / etc (null when not sent)
 * @param payChannel 5.1.12 (null when not sent)
 * @param totalFen   支付金额 (required for state 1)
 * @param arriveFen  到账金额, {@code feeFen} 手续费 (null when not sent)
 */
public record Outpark(int state, String orderId, String tradeNo, String payType, Integer payChannel,
                      String outChannelId, Long totalFen, String errmsg, Instant payTime, String carNumber,
                      Long arriveFen, Long feeFen) {

    public static final DownlinkType<Outpark> TYPE = DownlinkType.of(ServiceName.OUTPARK, in -> {
        int state = in.requireInt("state");
        if (state < 0 || state > 2) {
            throw new DownlinkFieldException("字段 state 的值无效: " + state);
        }
        String orderId = in.require("order_id");
        String trade = state == 1 ? in.require("trade_no") : in.text("trade_no");
        Long total = state == 1 ? requireFen(in, "total") : in.fen("total");
        return new Outpark(state, orderId, trade, in.text("pay_type"), in.number("pay_channel") == null ? null
                : in.integer("pay_channel", 0), in.text("out_channel_id"), total, in.text("errmsg"),
                in.instant("pay_time"), in.text("car_number"), in.fen("arrive_money"), in.fen("fee"));
    });

    private static Long requireFen(DownlinkFields in, String field) {
        in.require(field);
        Long v = in.fen(field);
        if (v < 0) {
            throw new DownlinkFieldException("字段 " + field + " 的值无效: " + in.text(field));
        }
        return v;
    }
}
