package com.boothdesk.app.domain.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties over random tariffs of every shape: a longer stay never costs less, caps always hold, the lines
 * add up, and coupons give the same result in any order.
 */
class FeePropertiesTest {

    private static final Instant BASE = TestTariffs.at("2026-01-01T00:00");
    private final FeeEngine engine = new FeeEngine(TestTariffs.CHINA,
            date -> date.getDayOfMonth() % 7 == 0 ? CalendarKind.HOLIDAY : CalendarKind.WORKDAY);

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

    private static Tariff tariff(ClassTariff c) {
        try {
            return Tariff.of("p", "p", "small", Map.of("small", c));
        } catch (TariffException e) {
            throw new IllegalStateException(e.getMessage() + " " + c, e);
        }
    }

    @Property(tries = 400)
    void aLongerStayNeverCostsLess(@ForAll("tariffs") ClassTariff rules,
                                   @ForAll @IntRange(min = 0, max = 365 * 24 * 60) int entryMinute,
                                   @ForAll @IntRange(min = 0, max = 6 * 24 * 60) int stay,
                                   @ForAll @IntRange(min = 1, max = 3 * 24 * 60) int more) {
        Tariff t = tariff(rules);
        Instant in = BASE.plus(Duration.ofMinutes(entryMinute));
        long shorter = engine.quote(t, "small", in, in.plus(Duration.ofMinutes(stay))).totalFen();
        long longer = engine.quote(t, "small", in, in.plus(Duration.ofMinutes(stay + more))).totalFen();

        assertThat(longer).as("%s: %d min then %d min", rules, stay, stay + more).isGreaterThanOrEqualTo(shorter);
    }

    @Property(tries = 300)
    void minuteByMinuteTheFeeNeverDrops(@ForAll("tariffs") ClassTariff rules,
                                        @ForAll @IntRange(min = 0, max = 365 * 24 * 60) int entryMinute) {
        Tariff t = tariff(rules);
        Instant in = BASE.plus(Duration.ofMinutes(entryMinute));
        long previous = 0;
        for (int minute = 0; minute <= 30 * 60; minute += 7) {
            long fee = engine.quote(t, "small", in, in.plus(Duration.ofMinutes(minute))).totalFen();
            assertThat(fee).as("%s at minute %d", rules, minute).isGreaterThanOrEqualTo(previous);
            previous = fee;
        }
    }

    @Property(tries = 400)
    void capsAlwaysHold(@ForAll("tariffs") ClassTariff rules,
                        @ForAll @IntRange(min = 0, max = 365 * 24 * 60) int entryMinute,
                        @ForAll @IntRange(min = 0, max = 10 * 24 * 60) int stay) {
        Instant in = BASE.plus(Duration.ofMinutes(entryMinute));
        Instant out = in.plus(Duration.ofMinutes(stay));
        FeeQuote q = engine.quote(tariff(rules), "small", in, out);

        if (rules.stayCapFen() != Period.NO_CAP) {
            assertThat(q.totalFen()).isLessThanOrEqualTo(rules.stayCapFen());
        }
        if (rules.mode() == ChargeMode.PERIODS && !rules.dailyCapsFen().isEmpty()) {
            long windows = rules.capBasis() == CapBasis.ROLLING_24H ? stay / 1440 + 1
                    : java.time.temporal.ChronoUnit.DAYS.between(in.atZone(engine.zone()).toLocalDate(),
                            out.atZone(engine.zone()).toLocalDate()) + 1;
            long most = 0;
            for (int i = 0; i < windows; i++) {
                most += rules.dailyCapFen(i);
            }
            assertThat(q.totalFen()).as("%s for %d minutes", rules, stay).isLessThanOrEqualTo(most);
        }
        if (rules.mode() == ChargeMode.PERIODS && stay <= 60 && rules.freeMinutes() == 0) {
            Period first = rules.periods(CalendarKind.WORKDAY).get(0);
            // a stay inside one day period occurrence is bounded by that period's cap
            long entryHour = in.atZone(engine.zone()).getHour();
            if (first.hasCap() && entryHour >= 7 && entryHour < 19
                    && in.atZone(engine.zone()).getDayOfMonth() % 7 != 0) {
                assertThat(q.totalFen()).isLessThanOrEqualTo(first.capFen());
            }
        }
    }

    @Property(tries = 200)
    void tariffsSurviveAJsonRoundTrip(@ForAll("tariffs") ClassTariff rules) throws TariffException {
        Tariff t = tariff(rules);
        Tariff back = Tariffs.read(new java.io.ByteArrayInputStream(
                Tariffs.toJson(t).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(back).isEqualTo(t);
    }

    @Property(tries = 300)
    void linesAddUpToTheTotal(@ForAll("tariffs") ClassTariff rules,
                              @ForAll @IntRange(min = 0, max = 365 * 24 * 60) int entryMinute,
                              @ForAll @IntRange(min = 0, max = 5 * 24 * 60) int stay,
                              @ForAll @LongRange(min = 0, max = 3000) long prepaid,
                              @ForAll @LongRange(min = 0, max = 3000) long balance,
                              @ForAll @IntRange(min = 0, max = 600) int couponMinutes,
                              @ForAll @LongRange(min = 0, max = 2000) long couponFen) {
        Instant in = BASE.plus(Duration.ofMinutes(entryMinute));
        Instant out = in.plus(Duration.ofMinutes(stay));
        FeeRequest r = FeeRequest.of("small", in, out).withPrepaid(prepaid, out.minus(Duration.ofMinutes(5)), 15)
                .withBalance(balance)
                .withCoupons(List.of(Coupon.minutes("T", couponMinutes), Coupon.amount("A", couponFen)));
        FeeQuote q = engine.quote(tariff(rules), r);

        assertThat(q.lines().stream().mapToLong(FeeLine::amountFen).sum()).isEqualTo(q.totalFen());
        assertThat(q.totalFen()).isBetween(0L, q.grossFen());
        assertThat(q.grossFen() - q.discountFen() - q.prepaidFen() - q.balanceFen()).isEqualTo(q.totalFen());
    }

    @Property(tries = 200)
    void couponOrderDoesNotMatter(@ForAll("tariffs") ClassTariff rules,
                                  @ForAll @IntRange(min = 0, max = 3 * 24 * 60) int stay,
                                  @ForAll @IntRange(min = 1, max = 100) int percent,
                                  @ForAll @IntRange(min = 1, max = 300) int minutes,
                                  @ForAll @LongRange(min = 1, max = 3000) long fen,
                                  @ForAll long seed) {
        Instant out = BASE.plus(Duration.ofMinutes(stay));
        List<Coupon> coupons = new ArrayList<>(List.of(Coupon.percentOff("P", percent), Coupon.minutes("T", minutes),
                Coupon.amount("A", fen)));
        Tariff t = tariff(rules);
        long first = engine.quote(t, FeeRequest.of("small", BASE, out).withCoupons(coupons)).totalFen();
        Collections.shuffle(coupons, new Random(seed));

        assertThat(engine.quote(t, FeeRequest.of("small", BASE, out).withCoupons(coupons)).totalFen())
                .isEqualTo(first);
    }
}
