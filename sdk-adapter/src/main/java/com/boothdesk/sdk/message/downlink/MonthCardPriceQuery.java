package com.boothdesk.sdk.message.downlink;

import java.time.Instant;
import java.util.List;

import com.boothdesk.sdk.protocol.ServiceName;

/**
 * 3.11 公众号月卡续费查询价格 ({@code query_prodprice}) and 3.34 公众号新建月卡查询价格 ({@code query_newprodprice}): the
 * driver asks in the official account what a renewal (3.11, of {@code card_id}) or a new card (3.34, of package
 * {@code pid}) costs; the booth answers {@code price} (元) with the temporary trade_no.
 *
 * @param name         which of the two
 * @param cardId       月卡本地编号 (3.11; null for 3.34)
 * @param months       缴费时长 in periods of the package ("if the package period is 年, 1 = 1 year")
 * @param startTime    开始时间 (null when not sent)
 * @param tradeNo      临时交易号, echoed; 3.10 carries it again as out_trade_no
 * @param carNumbers   plates
 * @param packageId    套餐编号 pid (required by 3.34, optional in 3.11)
 * @param period       天, 月, 季, 半年, 年 (optional)
 * @param discount     套餐优惠额度 ("" when none)
 * @param discountType 0 折扣, 1 免收周期, 2 应收金额 (null when none)
 */
public record MonthCardPriceQuery(ServiceName name, String cardId, int months, Instant startTime, String tradeNo,
                                  List<String> carNumbers, String packageId, String period, String discount,
                                  Integer discountType) {

    public static final DownlinkType<MonthCardPriceQuery> RENEWAL = DownlinkType.of(ServiceName.QUERY_PRODPRICE,
            in -> read(ServiceName.QUERY_PRODPRICE, in, in.require("card_id"), in.text("pid")));
    public static final DownlinkType<MonthCardPriceQuery> NEW_CARD = DownlinkType.of(ServiceName.QUERY_NEWPRODPRICE,
            in -> read(ServiceName.QUERY_NEWPRODPRICE, in, null, in.require("pid")));

    private static MonthCardPriceQuery read(ServiceName name, DownlinkFields in, String cardId, String pid) {
        int months = in.requireInt("months");
        if (months < 1 || months > 120) {
            throw new DownlinkFieldException("字段 months 超出范围: " + months);
        }
        return new MonthCardPriceQuery(name, cardId, months, in.instant("start_time"), in.require("trade_no"),
                MonthCardPay.plates(in.text("car_number", "")), pid, in.text("period"), in.text("discount", ""),
                in.number("discount_type") == null ? null : in.integer("discount_type", 0));
    }
}
