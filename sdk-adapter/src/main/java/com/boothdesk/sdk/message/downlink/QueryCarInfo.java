package com.boothdesk.sdk.message.downlink;

import com.boothdesk.sdk.protocol.ServiceName;

/**
 * 3.40 查询月卡车、特殊车 ({@code query_car_info}, city platform, answered in the parkInfo envelope).
 *
 * @param carNumber   plate (may be absent when asking by card)
 * @param cardId      card (optional)
 * @param special     type 1 特殊车 (the white list); type 0 月卡车
 * @param messageUuid echoed (optional)
 */
public record QueryCarInfo(String carNumber, String cardId, boolean special, String messageUuid) {

    public static final DownlinkType<QueryCarInfo> TYPE = DownlinkType.of(ServiceName.QUERY_CAR_INFO, in -> {
        String plate = in.text("car_number");
        String card = in.text("card_id");
        if (plate == null && card == null) {
            throw new DownlinkFieldException("缺少字段 car_number");
        }
        int type = in.integer("type", 0);
        if (type != 0 && type != 1) {
            throw new DownlinkFieldException("字段 type 的值无效: " + type);
        }
        return new QueryCarInfo(plate, card, type == 1, in.text("message_uuid"));
    });
}
