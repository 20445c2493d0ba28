package com.boothdesk.app.domain.fee;

import static com.boothdesk.app.domain.fee.TestTariffs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each tariff rule on its own, with tariffs built in code. */
class FeeEngineRulesTest {

    private static final LocalTime MIDNIGHT = LocalTime.MIDNIGHT;
    private final FeeEngine engine = new FeeEngine(TestTariffs.CHINA);

    static Tariff tariff(ClassTariff small) {
        try {
            return Tariff.of("t", "test", "small", Map.of("small", small));
        } catch (TariffException e) {
            throw new IllegalStateException(e);
        }
    }

    private long fee(ClassTariff rules, String in, String out) {
        return engine.quote(tariff(rules), "small", at(in), at(out)).totalFen();
    }

    @ParameterizedTest(name = "10 元/h, 15 minutes or more is an hour: {0} → {1}")
    @CsvSource({"PT1H, 1000", "PT1H14M, 1000", "PT1H15M, 2000", "PT2H14M, 2000", "PT14M, 0", "PT15M, 1000"})
    void roundingGrace(java.time.Duration stay, long fen) {
        ClassTariff rules = ClassTariff.builder("small")
                .periods(Period.priced("全天", MIDNIGHT, MIDNIGHT, 60, 1000).withGrace(14)).build();
        var in = at("2026-11-25T08:00");
        FeeQuote q = engine.quote(tariff(rules), "small", in, in.plus(stay));

        assertThat(q.totalFen()).isEqualTo(fen);
        if (stay.toMinutesPart() > 0 && stay.toMinutesPart() < 15) {
            assertThat(q.explain()).contains("在14分钟宽限内, 不计费");
        }
    }

    @Test
    void freeMinutesThatSurviveAreDeductedFromLongerStays() {
        ClassTariff base = ClassTariff.builder("small").periods(Period.priced("全天", MIDNIGHT, MIDNIGHT, 60, 100))
                .build();
        ClassTariff survive = base.toBuilder().freeMinutes(30, true).build();
        ClassTariff lost = base.toBuilder().freeMinutes(30, false).build();

        assertThat(fee(survive, "2026-11-25T08:00", "2026-11-25T08:30")).isZero();
        assertThat(fee(lost, "2026-11-25T08:00", "2026-11-25T08:30")).isZero();
        // 2 h stay: survive charges 08:30-10:00 = 2 started hours; lost charges 08:00-10:00 = 2 hours
        assertThat(fee(survive, "2026-11-25T08:00", "2026-11-25T10:00")).isEqualTo(200);
        assertThat(fee(lost, "2026-11-25T08:00", "2026-11-25T10:00")).isEqualTo(200);
        // 2 h 20: survive 08:30-10:20 = 2 units; lost 08:00-10:20 = 3 units
        assertThat(fee(survive, "2026-11-25T08:00", "2026-11-25T10:20")).isEqualTo(200);
        assertThat(fee(lost, "2026-11-25T08:00", "2026-11-25T10:20")).isEqualTo(300);
    }

    @Test
    void fillAcrossPeriodsCompletesTheCutUnitAtTheFirstPeriodsPrice() {
        ClassTariff noFill = ClassTariff.builder("small").periods(
                Period.priced("白天", LocalTime.of(8, 0), LocalTime.of(20, 0), 60, 300),
                Period.priced("夜间", LocalTime.of(20, 0), LocalTime.of(8, 0), 60, 100)).build();
        ClassTariff fill = noFill.toBuilder().fillAcrossPeriods(true).build();

        // 19:30-21:00. No fill: day 19:30-20:00 one unit 3 + night 20:00-21:00 one unit 1 = 4.
        // Fill: day unit 19:30-20:30 = 3, night 20:30-21:00 one unit 1 = 4; to 20:30 only the day unit = 3.
        assertThat(fee(noFill, "2026-11-25T19:30", "2026-11-25T21:00")).isEqualTo(400);
        assertThat(fee(fill, "2026-11-25T19:30", "2026-11-25T21:00")).isEqualTo(400);
        assertThat(fee(noFill, "2026-11-25T19:30", "2026-11-25T20:30")).isEqualTo(400);
        assertThat(fee(fill, "2026-11-25T19:30", "2026-11-25T20:30")).isEqualTo(300);
        FeeQuote q = engine.quote(tariff(fill), "small", at("2026-11-25T19:30"), at("2026-11-25T20:30"));
        assertThat(q.explain()).contains("19:30-20:30 白天1小时").contains("跨时段, 补足到 20:30");
    }

    @Test
    void aFilledUnitMayCoverAWholeShortPeriodAndReachTheNext() {
        ClassTariff rules = ClassTariff.builder("small").fillAcrossPeriods(true).periods(
                Period.priced("白天", LocalTime.of(8, 0), LocalTime.of(20, 0), 180, 300),
                Period.priced("傍晚", LocalTime.of(20, 0), LocalTime.of(21, 0), 60, 100),
                Period.priced("夜间", LocalTime.of(21, 0), LocalTime.of(8, 0), 60, 50)).build();

        // 19:00: a 3 h day unit to 22:00 covers the evening; the night is charged from 22:00: 3 + 0.5
        FeeQuote q = engine.quote(tariff(rules), "small", at("2026-11-25T19:00"), at("2026-11-25T23:00"));

        assertThat(q.totalFen()).isEqualTo(350);
        assertThat(q.explain()).contains("20:00-21:00 傍晚 已被补时覆盖").contains("22:00-23:00 夜间1小时");
    }

    @Test
    void freePeriodCostsNothingAndIsListed() {
        ClassTariff rules = ClassTariff.builder("small").periods(
                Period.priced("白天", LocalTime.of(8, 0), LocalTime.of(20, 0), 60, 200),
                Period.freePeriod("夜间", LocalTime.of(20, 0), LocalTime.of(8, 0))).build();

        FeeQuote q = engine.quote(tariff(rules), "small", at("2026-11-25T18:00"), at("2026-11-26T09:00"));

        assertThat(q.totalFen()).isEqualTo(600);   // 18-20 two hours, 08-09 one hour
        assertThat(q.lines(FeeLine.Kind.FREE)).extracting(FeeLine::label)
                .containsExactly("11-25 20:00-11-26 08:00 夜间免费");
    }

    @Test
    void periodCapLimitsEachOccurrence() {
        ClassTariff rules = ClassTariff.builder("small").periods(
                Period.priced("白天", LocalTime.of(8, 0), LocalTime.of(20, 0), 60, 300).withCap(1000),
                Period.priced("夜间", LocalTime.of(20, 0), LocalTime.of(8, 0), 60, 100).withCap(500)).build();

        // day 12 h = 36 → 10; night 12 h = 12 → 5; next day 2 h = 6
        FeeQuote q = engine.quote(tariff(rules), "small", at("2026-11-25T08:00"), at("2026-11-26T10:00"));
        assertThat(q.totalFen()).isEqualTo(2100);
        assertThat(q.lines(FeeLine.Kind.CAP)).extracting(FeeLine::label)
                .containsExactly("白天时段封顶 10.00元, 减免", "夜间时段封顶 5.00元, 减免");
    }

    @Test
    void calendarDailyCapResetsAtMidnight() {
        ClassTariff rules = ClassTariff.builder("small").periods(Period.priced("全天", MIDNIGHT, MIDNIGHT, 60, 500))
                .dailyCapFen(2000).build();

        // 22:00-02:00 = 2 hours on each date: 10 + 10, no cap; 08:00-next 02:00: 16 h (80 → 20) + 2 h 10
        assertThat(fee(rules, "2026-11-25T22:00", "2026-11-26T02:00")).isEqualTo(2000);
        assertThat(fee(rules, "2026-11-25T08:00", "2026-11-26T02:00")).isEqualTo(3000);
        FeeQuote q = engine.quote(tariff(rules), "small", at("2026-11-25T08:00"), at("2026-11-26T02:00"));
        assertThat(q.lines(FeeLine.Kind.CAP)).extracting(FeeLine::label)
                .containsExactly("11-25 当日封顶 20.00元, 减免");
    }

    @Test
    void rollingCapCountsFromTheEntry() {
        ClassTariff rules = ClassTariff.builder("small").periods(Period.priced("全天", MIDNIGHT, MIDNIGHT, 60, 500))
                .capBasis(CapBasis.ROLLING_24H).dailyCapFen(2000).build();

        assertThat(fee(rules, "2026-11-25T22:00", "2026-11-26T02:00")).isEqualTo(2000);
        assertThat(fee(rules, "2026-11-25T08:00", "2026-11-26T02:00")).isEqualTo(2000);
        assertThat(fee(rules, "2026-11-25T08:00", "2026-11-26T09:00")).isEqualTo(2500);
    }

    @Test
    void stayCapHoldsOverTheWholeStay() {
        ClassTariff rules = ClassTariff.builder("small").periods(Period.priced("全天", MIDNIGHT, MIDNIGHT, 60, 500))
                .dailyCapFen(3000).stayCapFen(10000).build();

        assertThat(fee(rules, "2026-11-01T00:00", "2026-11-03T00:00")).isEqualTo(6000);
        FeeQuote q = engine.quote(tariff(rules), "small", at("2026-11-01T00:00"), at("2026-11-30T00:00"));
        assertThat(q.totalFen()).isEqualTo(10000);
        assertThat(q.explain()).contains("单次停车封顶 100.00元");
    }

    @Test
    void perVisitAndPerDay() {
        ClassTariff visit = ClassTariff.builder("small").mode(ChargeMode.PER_VISIT).perVisitFen(1000)
                .freeMinutes(10, false).build();
        ClassTariff calendarDay = ClassTariff.builder("small").mode(ChargeMode.PER_DAY).perDayFen(2000).build();
        ClassTariff rollingDay = calendarDay.toBuilder().capBasis(CapBasis.ROLLING_24H).build();

        assertThat(fee(visit, "2026-11-25T08:00", "2026-11-25T08:10")).isZero();
        assertThat(fee(visit, "2026-11-25T08:00", "2026-11-27T08:10")).isEqualTo(1000);
        assertThat(fee(calendarDay, "2026-11-25T22:00", "2026-11-26T02:00")).isEqualTo(4000);
        assertThat(fee(rollingDay, "2026-11-25T22:00", "2026-11-26T02:00")).isEqualTo(2000);
        assertThat(fee(rollingDay, "2026-11-25T22:00", "2026-11-26T22:00")).isEqualTo(2000);
        assertThat(fee(rollingDay, "2026-11-25T22:00", "2026-11-26T22:01")).isEqualTo(4000);
        assertThat(fee(calendarDay, "2026-11-25T08:00", "2026-11-26T00:00")).isEqualTo(2000);
    }

    @Test
    void holidaySchedulesMustStartTheDayWithTheWorkday() {
        ClassTariff rules = ClassTariff.builder("small")
                .schedule(CalendarKind.WORKDAY, List.of(Period.priced("全天", MIDNIGHT, MIDNIGHT, 60, 100)))
                .schedule(CalendarKind.HOLIDAY, List.of(Period.priced("假日", LocalTime.of(6, 0), LocalTime.of(6, 0),
                        60, 100))).build();

        assertThatThrownBy(() -> Tariff.of("t", "t", "small", Map.of("small", rules)))
                .isInstanceOf(TariffException.class).hasMessageContaining("holiday: the day starts at 06:00")
                .hasMessageContaining("'假日'");
    }

    @Test
    void ladderFieldsNeedLadderMode() {
        ClassTariff rules = ClassTariff.builder("small").periods(Period.priced("全天", MIDNIGHT, MIDNIGHT, 60, 100))
                .ladder(List.of(new LadderStep(1440, 100))).build();

        assertThatThrownBy(() -> Tariff.of("t", "t", "small", Map.of("small", rules)))
                .isInstanceOf(TariffException.class).hasMessageContaining("needs mode LADDER");
    }

    @Test
    void cheaperLongerLadderStepIsRejected() {
        ClassTariff rules = ClassTariff.builder("small").mode(ChargeMode.LADDER)
                .ladder(List.of(new LadderStep(60, 500), new LadderStep(1440, 400))).build();

        assertThatThrownBy(() -> Tariff.of("t", "t", "small", Map.of("small", rules)))
                .isInstanceOf(TariffException.class).hasMessageContaining("ladder step #2 (≤1440 minutes)");
    }
}
