package com.boothdesk.sdk.message.downlink;

import java.time.Instant;
import java.util.List;

import com.boothdesk.sdk.protocol.ServiceName;

/**
 * 3.10 月卡续费 ({@code monthcard_pay}, from 泊链): a month card renewal was paid online; the booth extends the card
 * (when it answered 3.11 without {@code cloud_notice}) and answers with trade_no and pay_money.
 *
 * @param cardId     月卡本地编号
 * @param months     续费时长 (periods of the card's package)
 * @param startTime  开始时间 (null when not sent)
 * @param tradeNo    交易号, the renewal's key (a resend is the same trade_no)
 * @param payFen     续费金额
 * @param parkId     车场编号 (echoed)
 * @param payTime    支付时间 (null when not sent)
 * @param carNumbers plates, comma-separated on the wire
 * @param payChannel 0微信 1支付宝 … (null when not sent)
 * @param remark     说明
 */
public record MonthCardPay(String cardId, int months, Instant startTime, String tradeNo, long payFen, String parkId,
                           Instant payTime, List<String> carNumbers, Integer payChannel, String remark) {

    public static final DownlinkType<MonthCardPay> TYPE = DownlinkType.of(ServiceName.MONTHCARD_PAY, in -> {
        int months = in.requireInt("months");
        if (months < 1 || months > 120) {
            throw new DownlinkFieldException("字段 months 超出范围: " + months);
        }
        return new MonthCardPay(in.require("card_id"), months, in.instant("start_time"), in.require("trade_no"),
                in.fen("pay_money", 0), in.text("park_id"), in.instant("pay_time"),
                plates(in.text("car_number", "")), in.number("pay_channel") == null ? null
                : in.integer("pay_channel", 0), in.text("remark", ""));
    });

    static List<String> plates(String text) {
        return java.util.Arrays.stream(text.split("[,，]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
