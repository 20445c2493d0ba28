package com.boothdesk.app.domain.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast stay pricer (offset arithmetic, hand-printed times) gives exactly what the previous one
 * ({@link ReferenceStayPricer}, java.time on every step) gives — the same money and the same lines — for random
 * tariffs of every shape and every shipped tariff, stays from minutes to 100 days, in China and in a zone with
 * daylight saving (where stays cross the transitions).
 */
class FastPricerEqualsReferenceTest {

    private static final Instant BASE = TestTariffs.at("2026-01-01T00:00");
    private static final HolidayCalendar CALENDAR =
            date -> date.getDayOfMonth() % 7 == 0 ? CalendarKind.HOLIDAY : CalendarKind.WORKDAY;
    private static final List<String> SHIPPED = List.of("demo-default.json", "day-night.json",
            "airport-escalating.json", "kaifeng-station.json", "taizhou-ladder.json");

    @Provide
    Arbitrary<ClassTariff> tariffs() {
        Arbitrary<Integer> units = Arbitraries.of(1, 15, 30, 60, 120);
        Arbitrary<Period> day = Combinators.combine(units, Arbitraries.longs().between(0, 1000),
                Arbitraries.of(0, 30, 60), Arbitraries.longs().between(0, 2000), Arbitraries.integers().between(0, 14),
                Arbitraries.longs().between(-1, 5000)).as((unit, fen, first, firstFen, grace, cap) ->
                new Period("白天", LocalTime.of(7, 0), LocalTime.of(20, 0), false, first, first == 0 ? 0 : firstFen,
                        unit, fen, Math.min(grace, unit - 1), cap < 0 ? Period.NO_CAP : cap));
        Arbitrary<Period> night = Combinators.combine(units, Arbitraries.longs().between(0, 500),
                Arbitraries.of(true, false), Arbitraries.longs().between(-1, 2000)).as((unit, fen, free, cap) ->
                free ? Period.freePeriod("夜间", LocalTime.of(21, 0), LocalTime.of(7, 0))
                        : Period.priced("夜间", LocalTime.of(21, 0), LocalTime.of(7, 0), unit, fen)
                                .withCap(cap < 0 ? Period.NO_CAP : cap));
        Arbitrary<Period> evening = Combinators.combine(units, Arbitraries.longs().between(0, 800))
                .as((unit, fen) -> Period.priced("傍晚", LocalTime.of(20, 0), LocalTime.of(21, 0), unit, fen));
        Arbitrary<List<Long>> caps = Arbitraries.longs().between(0, 10000).list().ofMaxSize(3)
                .map(l -> { List<Long> sorted = new ArrayList<>(l); Collections.sort(sorted); return sorted; });
        Arbitrary<ClassTariff> periods = Combinators.combine(day, evening, night,
                Arbitraries.integers().between(0, 60), Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(CapBasis.values()), caps)
                .as((d, e, n, free, survive, fill, basis, dailyCaps) ->
                ClassTariff.builder("small").periods(d, e, n)
                        .schedule(CalendarKind.HOLIDAY, List.of(d.withCap(Period.NO_CAP), e, n))
                        .freeMinutes(free, survive).fillAcrossPeriods(fill).capBasis(basis)
                        .dailyCapsFen(dailyCaps).stayCapFen(dailyCaps.size() == 2 ? 20000 : Period.NO_CAP).build());
        Arbitrary<ClassTariff> ladder = Arbitraries.longs().between(0, 1000).list().ofMinSize(1).ofMaxSize(6)
                .map(fens -> {
                    List<Long> sorted = new ArrayList<>(fens);
                    Collections.sort(sorted);
                    List<LadderStep> steps = new ArrayList<>();
                    for (int i = 0; i < sorted.size(); i++) {
                        steps.add(new LadderStep(i == sorted.size() - 1 ? 1440 : (i + 1) * 120, sorted.get(i)));
                    }
                    return ClassTariff.builder("small").mode(ChargeMode.LADDER).freeMinutes(5, false).ladder(steps)
                            .build();
                });
        Arbitrary<ClassTariff> perDay = Combinators.combine(Arbitraries.longs().between(0, 5000),
                Arbitraries.of(CapBasis.values())).as((fen, basis) ->
                ClassTariff.builder("small").mode(ChargeMode.PER_DAY).perDayFen(fen).capBasis(basis).build());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, periods), net.jqwik.api.Tuple.of(2, ladder),
                net.jqwik.api.Tuple.of(1, perDay));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
                ZoneId.of("UTC"));
    }

    @Property(tries = 600)
    void randomTariffsPriceTheSame(@ForAll("tariffs") ClassTariff rules, @ForAll("zones") ZoneId zone,
                                   @ForAll @IntRange(min = 0, max = 365 * 24 * 60) int entryMinute,
                                   @ForAll @IntRange(min = 0, max = 100 * 24 * 60) int stay) {
        assertSame(rules, zone, entryMinute, stay);
    }

    @Property(tries = 300)
    void shippedTariffsPriceTheSame(@ForAll("shipped") ClassTariff rules, @ForAll("zones") ZoneId zone,
                                    @ForAll @IntRange(min = 0, max = 365 * 24 * 60) int entryMinute,
                                    @ForAll @IntRange(min = 0, max = 100 * 24 * 60) int stay) {
        assertSame(rules, zone, entryMinute, stay);
    }

    @Provide
    Arbitrary<ClassTariff> shipped() {
        List<ClassTariff> all = new ArrayList<>();
        for (String file : SHIPPED) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(Tariffs.CLASSPATH_FOLDER + file)) {
                all.addAll(Tariffs.read(in).classes().values());
            } catch (IOException | TariffException e) {
                throw new IllegalStateException(file, e);
            }
        }
        return Arbitraries.of(all);
    }

    private static void assertSame(ClassTariff rules, ZoneId zone, int entryMinute, int stay) {
        Instant in = BASE.plus(Duration.ofMinutes(entryMinute));
        Instant out = in.plus(Duration.ofMinutes(stay));
        StayPricer.Charge fast = new StayPricer(zone, CALENDAR).price(rules, in, out);
        ReferenceStayPricer.RefCharge slow = new ReferenceStayPricer(zone, CALENDAR).price(rules, in, out);
        assertThat(fast.fen()).as("%s %s %s + %d min", rules, zone, in, stay).isEqualTo(slow.fen());
        assertThat(fast.lines()).as("%s %s %s + %d min", rules, zone, in, stay).isEqualTo(slow.lines());
    }
}
