package com.boothdesk.sdk.message.downlink;

import java.time.Instant;

import com.boothdesk.sdk.protocol.ServiceName;

/**
 * 3.17 手动匹配订单通知 ({@code confirm_order_inform}): an operator in the cloud's lane monitor matched the 2.17 event to
 * an in-lot order; "本地需要将确认匹配的车牌订单置为待支付". Answered with the event_id.
 *
 * @param channelId  the exit lane of the event
 * @param orderId    the matched in-lot order
 * @param carNumber  the plate uploaded in 2.17
 * @param eventId    the 2.17 event
 * @param informTime when (null when not sent)
 */
public record ConfirmOrderInform(String channelId, String orderId, String carNumber, String eventId,
                                 Instant informTime) {

    public static final DownlinkType<ConfirmOrderInform> TYPE = DownlinkType.of(ServiceName.CONFIRM_ORDER_INFORM,
            in -> new ConfirmOrderInform(in.require("channel_id"), in.require("order_id"), in.text("car_number"),
                    in.require("event_id"), in.instant("inform_time")));
}
