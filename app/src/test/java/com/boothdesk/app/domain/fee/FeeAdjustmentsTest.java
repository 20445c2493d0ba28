package com.boothdesk.app.domain.fee;

import static com.boothdesk.app.domain.fee.TestTariffs.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Coupons, prepaid money with the post-payment grace, stored-value balance: applied in a fixed order. */
class FeeAdjustmentsTest {

    private final FeeEngine engine = new FeeEngine(TestTariffs.CHINA);
    private final Tariff demo = Tariffs.demoDefault();
    /** 08:00-11:00 on the demo: 7 元. */
    private final FeeRequest stay = FeeRequest.of("small", at("2026-11-25T08:00"), at("2026-11-25T11:00"));

    @Test
    void amountCoupon() {
        FeeQuote q = engine.quote(demo, stay.withCoupons(List.of(Coupon.amount("A1", 300))));

        assertThat(q.totalFen()).isEqualTo(400);
        assertThat(q.grossFen()).isEqualTo(700);
        assertThat(q.discountFen()).isEqualTo(300);
        assertThat(q.explain()).contains("优惠券 A1 减免3.00元 -3.00元");
    }

    @Test
    void amountCouponLargerThanTheFeeIsNotRefunded() {
        FeeQuote q = engine.quote(demo, stay.withCoupons(List.of(Coupon.amount("A1", 1000))));

        assertThat(q.totalFen()).isZero();
        assertThat(q.discountFen()).isEqualTo(700);
        assertThat(q.explain()).contains("超出应缴的 3.00元 不找零");
    }

    @Test
    void timeCouponPricesTheShorterStay() {
        // 3 h - 2 h = 1 h → 5 元
        FeeQuote q = engine.quote(demo, stay.withCoupons(List.of(Coupon.minutes("T1", 120))));

        assertThat(q.totalFen()).isEqualTo(500);
        assertThat(q.explain()).contains("优惠券 T1 减免时长2小时 -2.00元");
    }

    @Test
    void percentCouponRoundsToTheNearestFen() {
        // 7.00 × 0.67 = 4.69
        FeeQuote q = engine.quote(demo, stay.withCoupons(List.of(Coupon.percentOff("P1", 33))));

        assertThat(q.totalFen()).isEqualTo(469);
    }

    @Test
    void couponsApplyFullTimePercentAmountWhateverTheirOrder() {
        List<Coupon> given = List.of(Coupon.amount("A", 100), Coupon.percentOff("P", 50), Coupon.minutes("T", 60));

        // time: 2 h → 6 元; percent 50 % → 3 元; amount 1 元 → 2 元
        FeeQuote q = engine.quote(demo, stay.withCoupons(given));

        assertThat(q.totalFen()).isEqualTo(200);
        assertThat(q.lines(FeeLine.Kind.COUPON)).extracting(FeeLine::label)
                .containsExactly("优惠券 T 减免时长1小时", "优惠券 P 折扣50%", "优惠券 A 减免1.00元");
    }

    @Test
    void fullCouponMakesTheRestUnused() {
        FeeQuote q = engine.quote(demo, stay.withCoupons(List.of(Coupon.amount("A", 100), Coupon.full("F"))));

        assertThat(q.totalFen()).isZero();
        assertThat(q.explain()).contains("优惠券 F 全免 -7.00元").contains("优惠券 A 未使用: 已无需缴费");
    }

    @Test
    void expiredAndImpossibleCouponsAreNotUsedAndSaySo() {
        FeeQuote q = engine.quote(demo, stay.withCoupons(List.of(
                Coupon.amount("OLD", 300).validUntil(at("2026-11-25T10:00")), Coupon.percentOff("BAD", 150))));

        assertThat(q.totalFen()).isEqualTo(700);
        assertThat(q.explain()).contains("优惠券 OLD 已过期, 未使用").contains("优惠券 BAD 面值无效 (150), 未使用");
    }

    @Test
    void prepaidWithinTheGraceOpensWithoutPaying() {
        // paid 7 元 at 10:50 for 08:00-10:50 (7 元), leaves 11:00 within 15 minutes
        FeeQuote q = engine.quote(demo, stay.withPrepaid(700, at("2026-11-25T10:50"), 15));

        assertThat(q.totalFen()).isZero();
        assertThat(q.prepaidFen()).isEqualTo(700);
        assertThat(q.explain()).contains("已于缴费后15分钟内出场");
    }

    @Test
    void prepaidThenLeavingAfterTheGracePaysTheDifference() {
        // paid 6 元 at 10:00 (08:00-10:00 costs 6), leaves 11:00: 7 - 6 = 1
        FeeQuote q = engine.quote(demo, stay.withPrepaid(600, at("2026-11-25T10:00"), 15));

        assertThat(q.totalFen()).isEqualTo(100);
        assertThat(q.grossFen()).isEqualTo(700);
        assertThat(q.explain()).contains("缴费后超过15分钟才出场");
    }

    @Test
    void balancePaysWhatIsLeftAndReportsShortfall() {
        FeeQuote enough = engine.quote(demo, stay.withBalance(5000));
        FeeQuote shortOf = engine.quote(demo, stay.withBalance(300));

        assertThat(enough.totalFen()).isZero();
        assertThat(enough.balanceFen()).isEqualTo(700);
        assertThat(enough.explain()).contains("储值卡支付 (余额 50.00元, 剩余 43.00元) -7.00元");
        assertThat(shortOf.totalFen()).isEqualTo(400);
        assertThat(shortOf.explain()).contains("储值卡余额不足, 差额 4.00元 需另付");
    }

    @Test
    void everythingTogetherAddsUp() {
        FeeRequest all = FeeRequest.of("small", at("2026-11-24T06:10"), at("2026-11-26T19:45"))
                .withCoupons(List.of(Coupon.minutes("T", 90), Coupon.amount("A", 250)))
                .withPrepaid(1000, at("2026-11-26T12:00"), 15).withBalance(1234);

        FeeQuote q = engine.quote(demo, all);

        assertThat(q.lines().stream().mapToLong(FeeLine::amountFen).sum()).isEqualTo(q.totalFen());
        assertThat(q.grossFen() - q.discountFen() - q.prepaidFen() - q.balanceFen()).isEqualTo(q.totalFen());
    }
}
