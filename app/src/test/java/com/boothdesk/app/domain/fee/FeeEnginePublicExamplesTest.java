package com.boothdesk.app.domain.fee;

import static com.boothdesk.app.domain.fee.TestTariffs.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public tariff examples of the notes (research/parking-booth.md §5.1), from the packed tariff files. */
class FeeEnginePublicExamplesTest {

    private final FeeEngine engine = new FeeEngine(TestTariffs.CHINA);

    private long fee(Tariff t, String cls, String in, Duration stay) {
        Instant from = at(in);
        return engine.quote(t, cls, from, from.plus(stay)).totalFen();
    }

    @Test
    void packedDemoFileIsTheBuiltInDemo() {
        assertThat(TestTariffs.packed("demo-default.json")).isEqualTo(Tariffs.demoDefault());
    }

    @ParameterizedTest(name = "airport {0} for {1}: {2} fen")
    @CsvSource({
        "small, PT20M, 200",      // first half hour 2 元
        "small, PT2H, 1200",      // 2 + 2 × 5
        "small, PT10H, 3000",     // 2 + 10 × 5 = 52, capped at 30 in the first 24 h
        "small, PT24H, 3000",
        "small, PT30H, 6000",     // 30 + 6 × 5
        "small, PT50H, 8000",     // 30 + 40 + 2 × 5
        "small, PT72H, 12000",    // 30 + 40 + 50
        "small, PT96H, 17000",    // 30 + 40 + 50 + 50
        "large, PT2H, 2400",      // large vehicles × 2
        "large, PT50H, 16000",
    })
    void airportEscalatingCaps(String cls, Duration stay, long fen) {
        assertThat(fee(TestTariffs.packed("airport-escalating.json"), cls, "2026-11-25T08:00", stay)).isEqualTo(fen);
    }

    @Test
    void airportExplainsEachCapWindow() {
        Instant in = at("2026-11-25T08:00");
        FeeQuote q = engine.quote(TestTariffs.packed("airport-escalating.json"), "small", in,
                in.plus(Duration.ofHours(50)));

        assertThat(q.lines(FeeLine.Kind.CAP)).extracting(FeeLine::label).containsExactly(
                "第1个24小时 (11-25 08:00起) 封顶 30.00元, 减免", "第2个24小时 (11-26 08:00起) 封顶 40.00元, 减免");
        assertThat(q.lines(FeeLine.Kind.CAP)).extracting(FeeLine::amountFen).containsExactly(-9200L, -8000L);
        // the charge lines follow the cap windows: 2 + 120 = 122 → cap 30; 120 → cap 40; 10
        assertThat(q.lines(FeeLine.Kind.CHARGE)).extracting(FeeLine::label, FeeLine::amountFen).containsExactly(
                org.assertj.core.groups.Tuple.tuple("11-25 08:00-08:30 首30分钟", 200L),
                org.assertj.core.groups.Tuple.tuple("11-25 08:30-11-26 08:30 续时 24小时 (每小时5.00元)", 12000L),
                org.assertj.core.groups.Tuple.tuple("11-26 08:30-11-27 08:30 续时 24小时 (每小时5.00元)", 12000L),
                org.assertj.core.groups.Tuple.tuple("11-27 08:30-10:00 续时 2小时 (每小时5.00元)", 1000L));
    }

    @ParameterizedTest(name = "Taizhou ladder {0}: {1} fen")
    @CsvSource({
        "PT3M, 0", "PT4M, 500", "PT20M, 500", "PT21M, 1000", "PT4H, 1000", "PT4H1M, 1500", "PT8H, 1500",
        "PT12H, 2000", "PT16H, 2500", "PT20H, 3000", "PT24H, 3500", "PT24H5M, 4000", "PT30H, 5000", "PT48H, 7000",
        "PT48H1M, 7500",
    })
    void taizhouDurationLadder(Duration stay, long fen) {
        assertThat(fee(TestTariffs.packed("taizhou-ladder.json"), "small", "2026-11-25T08:00", stay))
                .isEqualTo(fen);
    }

    @Test
    void taizhouExplainsTheBand() {
        Instant in = at("2026-11-25T08:00");
        FeeQuote q = engine.quote(TestTariffs.packed("taizhou-ladder.json"), "small", in,
                in.plus(Duration.ofHours(30)));

        assertThat(q.explain()).contains("满1个1天 × 35.00元 35.00元").contains("其余6小时 (≤8小时档) 15.00元");
    }

    @ParameterizedTest(name = "Kaifeng {0} → {1}: {2} fen")
    @CsvSource({
        "2026-11-25T06:00, 2026-11-25T08:00, 1000",   // 3-7 5 元 + 7-22 5 元
        "2026-11-25T08:00, 2026-11-25T21:59, 500",
        "2026-11-25T21:00, 2026-11-26T04:00, 2000",   // 5 + 10 + 5
        "2026-11-25T21:00, 2026-11-26T08:00, 2000",   // 25 in the first 24 h, capped at 20
        "2026-11-25T03:00, 2026-11-28T03:00, 6000",   // each full day 20 元
    })
    void kaifengStationFlatPerPeriod(String in, String out, long fen) {
        assertThat(engine.quote(TestTariffs.packed("kaifeng-station.json"), "small", at(in), at(out)).totalFen())
                .isEqualTo(fen);
    }

    @ParameterizedTest(name = "day/night {0} → {1}: {2} fen")
    @CsvSource({
        "2026-11-25T08:00, 2026-11-25T08:30, 0",      // free half hour
        "2026-11-25T08:00, 2026-11-25T10:00, 700",    // free 30 survive: 08:30-09:30 5 + 2 × 15 min
        "2026-11-25T20:00, 2026-11-25T22:00, 700",    // first hour to 21:30 (filled), night 21:30-22:00 one unit
        "2026-11-25T20:00, 2026-11-25T23:20, 700",    // night from 21:30: 110 minutes = one 2 h unit
        "2026-11-25T20:00, 2026-11-26T08:00, 2000",   // 5 + night 10 (cap) + next day first hour 5
        "2026-11-25T07:00, 2026-11-25T21:00, 3000",   // day cap 30
    })
    void dayNightWithFillAcrossPeriods(String in, String out, long fen) {
        assertThat(engine.quote(TestTariffs.packed("day-night.json"), "small", at(in), at(out)).totalFen())
                .isEqualTo(fen);
    }

    @Test
    void longStaysHaveABriefExplanationThatStillAddsUp() {
        Tariff t = TestTariffs.packed("day-night.json");
        FeeQuote q = engine.quote(t, FeeRequest.of("small", at("2026-11-01T20:00"), at("2026-11-11T08:00"))
                .withCoupons(java.util.List.of(Coupon.amount("A", 500))));
        String brief = q.explain(12);

        assertThat(q.lines()).hasSizeGreaterThan(12);
        assertThat(q.explain()).isEqualTo(q.explain(Integer.MAX_VALUE));
        assertThat(brief.lines().count()).isLessThan(12);
        assertThat(brief).contains("计费 ").contains("封顶 ").contains("优惠券 A 减免5.00元 -5.00元")
                .contains("补足到 … (按白天时段价格)").endsWith("待缴 " + Fen.format(q.totalFen()) + "元");
        long briefSum = brief.lines().filter(l -> l.endsWith("元") && !l.startsWith("应收") && !l.startsWith("待缴"))
                .mapToLong(l -> Fen.parse(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(briefSum).isEqualTo(q.totalFen());
    }

    @Test
    void dayNightOnAHolidayUsesTheHolidayPeriods() {
        FeeEngine holidays = new FeeEngine(TestTariffs.CHINA,
                HolidayCalendar.of(Set.of(LocalDate.parse("2026-10-01")), Set.of(), false));
        Tariff t = TestTariffs.packed("day-night.json");

        FeeQuote holiday = holidays.quote(t, "small", at("2026-10-01T08:00"), at("2026-10-01T11:00"));
        FeeQuote workday = holidays.quote(t, "small", at("2026-10-02T08:00"), at("2026-10-02T11:00"));

        assertThat(holiday.totalFen()).isEqualTo(600);    // 08:30-11:00 = 3 hours at 2 元
        assertThat(holiday.explain()).contains("节假日白天");
        assertThat(workday.totalFen()).isEqualTo(1100);   // 5 + 6 × 1 元 per 15 min
    }
}
