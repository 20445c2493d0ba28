package com.boothdesk.app.domain.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 90-day stay on every shipped tariff: the whole identical days are one line (count × per-day amount), the
 * partial first and last days stay itemised, and the money is the reference pricer's (issue 10).
 */
class FeeFoldedDaysTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Instant IN = TestTariffs.at("2026-08-27T07:43");
    private static final Instant OUT = IN.plus(Duration.ofDays(90)).plus(Duration.ofMinutes(137));

    private static ClassTariff shipped(String file) throws IOException, TariffException {
        try (InputStream in = FeeFoldedDaysTest.class.getClassLoader()
                .getResourceAsStream(Tariffs.CLASSPATH_FOLDER + file)) {
            return Tariffs.read(in).classes().get("small");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo-default.json", "day-night.json", "airport-escalating.json",
        "kaifeng-station.json", "taizhou-ladder.json"})
    void ninetyDaysAreAFewLinesAndTheReferenceMoney(String file) throws Exception {
        ClassTariff rules = shipped(file);
        HolidayCalendar workdays = HolidayCalendar.allWorkdays();

        StayPricer.Charge fast = new StayPricer(CHINA, workdays).price(rules, IN, OUT);
        ReferenceStayPricer.RefCharge slow = new ReferenceStayPricer(CHINA, workdays).price(rules, IN, OUT);

        assertThat(fast.fen()).isEqualTo(slow.fen());
        assertThat(fast.lines()).hasSizeLessThan(25);
        FastPricerEqualsReferenceTest.assertSameLines(fast.lines(), slow.lines(), file);
    }

    @Test
    void dayNightFoldsEightyEightDaysOfFortyYuanAndItemisesTheEnds() throws Exception {
        StayPricer.Charge fast = new StayPricer(CHINA, HolidayCalendar.allWorkdays())
                .price(shipped("day-night.json"), IN, OUT);

        assertThat(fast.lines()).extracting(FeeLine::text)
                .contains("08-29 07:13 至 11-25 07:13 共88个完整日 × 每日40.00元 (每日明细同 08-28) = 3520.00元")
                .contains("08-27 08:13-09:13 白天首小时 5.00元")
                .contains("11-25 08:13-10:00 白天续时 8×15分钟 (每15分钟1.00元) 8.00元");
        assertThat(fast.fen()).isEqualTo(361_300);
    }

    @Test
    void airportFoldsTheWindowsAtTheTopCapAndKeepsTheEscalatingOnes() throws Exception {
        StayPricer.Charge fast = new StayPricer(CHINA, HolidayCalendar.allWorkdays())
                .price(shipped("airport-escalating.json"), IN, OUT);

        assertThat(fast.lines()).extracting(FeeLine::text)
                .contains("第1个24小时 (08-27 07:43起) 封顶 30.00元, 减免 -92.00元")
                .contains("第2个24小时 (08-28 07:43起) 封顶 40.00元, 减免 -80.00元")
                .contains("第3至第90个24小时 (08-29 07:43起) 每个封顶 50.00元, 共88个24小时 × 每个减免70.00元 = -6160.00元");
        assertThat(fast.fen()).isEqualTo(448_000);
    }

    @Test
    void aHolidayInsideSplitsTheFoldAndIsItemised() throws Exception {
        LocalDate holiday = LocalDate.of(2026, 10, 1);
        HolidayCalendar calendar = date -> date.equals(holiday) ? CalendarKind.HOLIDAY : CalendarKind.WORKDAY;
        ClassTariff rules = shipped("day-night.json");

        StayPricer.Charge fast = new StayPricer(CHINA, calendar).price(rules, IN, OUT);
        ReferenceStayPricer.RefCharge slow = new ReferenceStayPricer(CHINA, calendar).price(rules, IN, OUT);

        assertThat(fast.fen()).isEqualTo(slow.fen());
        FastPricerEqualsReferenceTest.assertSameLines(fast.lines(), slow.lines(), "holiday");
        assertThat(fast.lines()).extracting(FeeLine::label).anyMatch(l -> l.contains("节假日白天"))
                .filteredOn(l -> l.contains("个完整日")).hasSize(2);
    }

    @Test
    void daylightSavingDaysArePricedLikeTheReference() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant in = Instant.parse("2026-03-01T06:43:00Z");
        Instant out = in.plus(Duration.ofDays(60));
        for (String file : new String[] {"demo-default.json", "day-night.json", "kaifeng-station.json"}) {
            ClassTariff rules = shipped(file);
            StayPricer.Charge fast = new StayPricer(berlin, HolidayCalendar.allWorkdays()).price(rules, in, out);
            ReferenceStayPricer.RefCharge slow = new ReferenceStayPricer(berlin, HolidayCalendar.allWorkdays())
                    .price(rules, in, out);
            assertThat(fast.fen()).as(file).isEqualTo(slow.fen());
            FastPricerEqualsReferenceTest.assertSameLines(fast.lines(), slow.lines(), file);
        }
    }
}
