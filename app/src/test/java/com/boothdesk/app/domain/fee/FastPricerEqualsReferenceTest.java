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
        // one whole-day period (one occurrence over the whole stay): its cap windows are folded
        Arbitrary<ClassTariff> wholeDay = Combinators.combine(Arbitraries.of(1, 15, 60, 90, 120, 7),
                Arbitraries.longs().between(0, 800), Arbitraries.of(0, 30, 60), Arbitraries.longs().between(-1, 20000),
                Arbitraries.of(CapBasis.values()), caps, Arbitraries.integers().between(0, 30))
                .as((unit, fen, first, cap, basis, dailyCaps, free) -> ClassTariff.builder("small")
                        .periods(new Period("全天", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, false, first,
                                first == 0 ? 0 : 300, unit, fen, 0, cap < 0 ? Period.NO_CAP : cap))
                        .freeMinutes(free, false).capBasis(basis).dailyCapsFen(dailyCaps).build());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, periods), net.jqwik.api.Tuple.of(3, wholeDay),
                net.jqwik.api.Tuple.of(2, ladder), net.jqwik.api.Tuple.of(1, perDay));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
                ZoneId.of("UTC"));
    }

    @Property(tries = 1000)
    void randomTariffsPriceTheSame(@ForAll("tariffs") ClassTariff rules, @ForAll("zones") ZoneId zone,
                                   @ForAll @IntRange(min = 0, max = 365 * 24 * 60) int entryMinute,
                                   @ForAll @IntRange(min = 0, max = 100 * 24 * 60) int stay) {
        assertSame(rules, zone, entryMinute, stay);
    }

    @Property(tries = 600)
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
        assertSameLines(fast.lines(), slow.lines(), String.format("%s %s %s + %d min", rules, zone, in, stay));
    }

    private static final java.util.regex.Pattern FOLDED =
            java.util.regex.Pattern.compile(".*共(\\d+)(?:个完整日|日|个24小时) × 每(?:日|个)(减免)?(\\d+\\.\\d\\d)元.* =");

    /**
     * Without folded days the lines are the reference's. With folded days (whole identical days shown as one line)
     * the lines before the first fold are the reference's, every folded line is its count times its per-day
     * amount, and the charges with the caps add up to the reference's (a folded day is net of its period caps).
     */
    static void assertSameLines(List<FeeLine> fast, List<FeeLine> slow, String what) {
        int first = -1;
        for (int i = 0; i < fast.size(); i++) {
            java.util.regex.Matcher m = FOLDED.matcher(fast.get(i).label());
            if (m.matches()) {
                if (first < 0) {
                    first = i;
                }
                long count = Long.parseLong(m.group(1));
                long perDay = Math.round(Double.parseDouble(m.group(3)) * 100) * (m.group(2) != null ? -1 : 1);
                assertThat(fast.get(i).amountFen()).as(what + " " + fast.get(i).label()).isEqualTo(count * perDay);
                assertThat(count).as(what).isGreaterThan(1);
            }
        }
        if (first < 0) {
            assertThat(fast).as(what).isEqualTo(slow);
            return;
        }
        assertThat(fast.subList(0, first)).as(what).isEqualTo(slow.subList(0, first));
        assertThat(fast.size()).as(what + ": folding makes fewer lines").isLessThan(slow.size());
        // a folded day is priced net of its period caps, so charges and caps are compared together
        assertThat(sum(fast, FeeLine.Kind.CHARGE) + sum(fast, FeeLine.Kind.CAP)).as(what)
                .isEqualTo(sum(slow, FeeLine.Kind.CHARGE) + sum(slow, FeeLine.Kind.CAP));
        for (FeeLine.Kind kind : FeeLine.Kind.values()) {
            if (kind != FeeLine.Kind.CHARGE && kind != FeeLine.Kind.CAP) {
                assertThat(sum(fast, kind)).as(what + " " + kind).isEqualTo(sum(slow, kind));
            }
        }
    }

    private static long sum(List<FeeLine> lines, FeeLine.Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).mapToLong(FeeLine::amountFen).sum();
    }
}
