package com.boothdesk.app.domain.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Coupons from the cloud's deliver_ticket fields (protocol 3.12). */
class CouponTest {

    @Test
    void amountTicket() {
        assertThat(Coupon.fromTicket("1", 0, "3.5", 0, 0, "", 9_999_999_999L, 0))
                .isEqualTo(new Coupon("1", Coupon.Kind.AMOUNT, 350, null));
    }

    @Test
    void timeTicketsInMinutesHoursAndDays() {
        assertThat(Coupon.fromTicket("m", 1, "", 30, 1, "", 0, 0).value()).isEqualTo(30);
        assertThat(Coupon.fromTicket("h", 1, "", 2, 2, "", 0, 0).value()).isEqualTo(120);
        assertThat(Coupon.fromTicket("d", 1, "", 1, 3, "", 0, 0).value()).isEqualTo(1440);
        assertThat(Coupon.fromTicket("d", 1, "", 1, 3, "", 0, 0).kind()).isEqualTo(Coupon.Kind.TIME);
    }

    @Test
    void fullTicketWithExpiry() {
        Coupon c = Coupon.fromTicket("6547339", 2, "", 0, 0, "", 1563321600L, 0);

        assertThat(c.kind()).isEqualTo(Coupon.Kind.FULL);
        assertThat(c.validUntil()).isEqualTo(Instant.ofEpochSecond(1563321600L));
    }

    @Test
    void discountTicketsIn折AndInPercent() {
        assertThat(Coupon.fromTicket("a", 3, "", 0, 0, "8", 0, 0).value()).isEqualTo(20);
        assertThat(Coupon.fromTicket("b", 3, "", 0, 0, "8.5", 0, 0).value()).isEqualTo(15);
        assertThat(Coupon.fromTicket("c", 3, "", 0, 0, "85", 0, 0).value()).isEqualTo(15);
        assertThat(Coupon.fromTicket("d", 3, "", 0, 0, "0", 0, 0).value()).isEqualTo(100);
    }

    @Test
    void fullUntilADeadline() {
        Coupon c = Coupon.fromTicket("x", 5, "", 0, 0, "", 9_999_999_999L, 1_800_000_000L);

        assertThat(c.kind()).isEqualTo(Coupon.Kind.FULL);
        assertThat(c.validUntil()).isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
    }

    @Test
    void badTicketsAreRefusedWithTheField() {
        assertThatThrownBy(() -> Coupon.fromTicket("e", 4, "", 0, 0, "", 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("external coupon");
        assertThatThrownBy(() -> Coupon.fromTicket("u", 1, "", 1, 9, "", 0, 0))
                .hasMessageContaining("ticket_unit 9");
        assertThatThrownBy(() -> Coupon.fromTicket("p", 3, "", 0, 0, "八折", 0, 0))
                .hasMessageContaining("discount '八折' is not a number");
        assertThatThrownBy(() -> Coupon.fromTicket("q", 3, "", 0, 0, "8.25", 0, 0))
                .hasMessageContaining("not a whole percentage");
        assertThatThrownBy(() -> Coupon.fromTicket("m", 0, "abc", 0, 0, "", 0, 0))
                .hasMessageContaining("not a yuan amount");
        assertThatThrownBy(() -> Coupon.fromTicket("t", 7, "", 0, 0, "", 0, 0))
                .hasMessageContaining("unknown ticket_type 7");
    }

    @Test
    void aFullUntilTicketAppliesOnlyBeforeItsDeadline() {
        FeeEngine engine = new FeeEngine(TestTariffs.CHINA);
        Instant in = TestTariffs.at("2026-11-25T08:00");
        Instant deadline = TestTariffs.at("2026-11-25T12:00");
        Coupon c = Coupon.fromTicket("x", 5, "", 0, 0, "", 0, deadline.getEpochSecond());

        FeeRequest before = FeeRequest.of("small", in, TestTariffs.at("2026-11-25T11:00"))
                .withCoupons(java.util.List.of(c));
        assertThat(engine.quote(Tariffs.demoDefault(), before).totalFen()).isZero();
        assertThat(engine.quote(Tariffs.demoDefault(), before.withOut(TestTariffs.at("2026-11-25T13:00"))).totalFen())
                .isEqualTo(900);   // after the deadline the coupon is not used: 5 + 4
    }
}
