package com.boothdesk.app.domain.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo's default tariff and the public example of the notes (08:00→11:00 = 5+1+1 = 7 元). */
class FeeEngineDemoTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final FeeEngine engine = new FeeEngine(CHINA);
    private final Tariff demo = Tariffs.demoDefault();

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CHINA).toInstant();
    }

    @Test
    void eightToElevenCostsSevenYuanItemised() {
        FeeQuote q = engine.quote(demo, "small", at("2026-11-25T08:00"), at("2026-11-25T11:00"));

        assertThat(q.totalFen()).isEqualTo(700);
        assertThat(q.grossFen()).isEqualTo(700);
        assertThat(q.lines(FeeLine.Kind.CHARGE)).extracting(FeeLine::amountFen).containsExactly(500L, 200L);
        assertThat(q.explain()).contains("08:00-09:00 首小时 5.00元").contains("09:00-11:00")
                .contains("2.00元").endsWith("待缴 7.00元");
        assertThat(q.stayMinutes()).isEqualTo(180);
    }

    @ParameterizedTest(name = "{0} → {1}: {2} fen")
    @CsvSource({
        "2026-11-25T08:00, 2026-11-25T08:15, 0",     // within the 15 free minutes
        "2026-11-25T08:00, 2026-11-25T08:16, 500",   // free minutes do not survive: first hour charged
        "2026-11-25T08:00, 2026-11-25T09:00, 500",
        "2026-11-25T08:00, 2026-11-25T09:01, 600",   // a started hour is charged
        "2026-11-25T08:00, 2026-11-25T20:00, 1600",
        "2026-11-25T08:00, 2026-11-25T23:59, 2000",
        "2026-11-25T00:00, 2026-11-25T23:59, 2800",
        "2026-11-25T00:00, 2026-11-26T00:00, 2800",
        "2026-11-25T08:00, 2026-11-26T11:00, 3100",  // one stay, one first hour: 5 + 15 (25 Nov) + 11 (26 Nov)
    })
    void demoAmounts(String in, String out, long fen) {
        assertThat(engine.quote(demo, "small", at(in), at(out)).totalFen()).isEqualTo(fen);
    }

    @Test
    void multiDayStayChargesTheFirstHourOnce() {
        FeeQuote q = engine.quote(demo, "small", at("2026-11-24T00:00"), at("2026-11-27T00:00"));

        // 1 元 an hour never reaches the 30 元 daily cap: 5 + 23, then 24, then 24
        assertThat(q.totalFen()).isEqualTo(2800 + 2400 + 2400);
        assertThat(q.lines(FeeLine.Kind.CHARGE)).filteredOn(l -> l.label().contains("首小时")).hasSize(1);
        assertThat(q.lines(FeeLine.Kind.CAP)).isEmpty();
        assertThat(q.explain()).contains("11-24 00:00-01:00 首小时");
    }

    @Test
    void secondsAreIgnored() {
        Instant in = at("2026-11-25T08:00").plusSeconds(59);
        Instant out = at("2026-11-25T09:00").plusSeconds(30);
        assertThat(engine.quote(demo, "small", in, out).totalFen()).isEqualTo(500);
    }

    @Test
    void largeCarsPayDouble() {
        assertThat(engine.quote(demo, "large", at("2026-11-25T08:00"), at("2026-11-25T11:00")).totalFen())
                .isEqualTo(1400);
    }

    @Test
    void unknownClassIsPricedAsTheDefaultClassWithANote() {
        FeeQuote q = engine.quote(demo, "tank", at("2026-11-25T08:00"), at("2026-11-25T11:00"));

        assertThat(q.totalFen()).isEqualTo(700);
        assertThat(q.vehicleClass()).isEqualTo("small");
        assertThat(q.explain()).contains("车型 tank 无收费标准, 按小车计费");
    }

    @Test
    void missingClassIsPricedAsTheDefaultClassWithANote() {
        FeeQuote q = engine.quote(demo, null, at("2026-11-25T08:00"), at("2026-11-25T11:00"));

        assertThat(q.totalFen()).isEqualTo(700);
        assertThat(q.explain()).contains("未指定车型, 按小车计费");
    }

    @Test
    void staysOverAYearArePricedButFlagged() {
        FeeQuote q = engine.quote(demo, "small", at("2024-11-25T08:00"), at("2026-11-25T08:00"));

        assertThat(q.totalFen()).isEqualTo(500 + (730L * 24 - 1) * 100);
        assertThat(q.explain()).contains("停车超过366天, 请核对入场时间");
        assertThat(engine.quote(demo, "small", at("2026-01-25T08:00"), at("2026-11-25T08:00")).explain())
                .doesNotContain("请核对入场时间");
    }

    @Test
    void anAbsurdEntryTimeIsPricedAsFiveYearsWithANote() {
        FeeQuote epoch = engine.quote(demo, "small", Instant.EPOCH, at("2026-11-25T08:00"));
        FeeQuote min = engine.quote(demo, "small", Instant.MIN, at("2026-11-25T08:00"));

        assertThat(epoch.stayMinutes()).isEqualTo(5 * 366 * 24 * 60);
        assertThat(epoch.totalFen()).isEqualTo(500 + (5 * 366 * 24 - 1) * 100L);
        assertThat(epoch.explain()).contains("按1830天计费, 请核对入场时间");
        assertThat(epoch.needsAttention()).isTrue();
        assertThat(min.totalFen()).isEqualTo(epoch.totalFen());
    }

    @Test
    void exitBeforeEntryCostsNothingAndSaysSo() {
        FeeQuote q = engine.quote(demo, "small", at("2026-11-25T11:00"), at("2026-11-25T08:00"));

        assertThat(q.totalFen()).isZero();
        assertThat(q.explain()).contains("出场时间早于入场时间");
        assertThat(q.needsAttention()).isTrue();
        assertThat(engine.quote(demo, "small", at("2026-11-25T08:00"), at("2026-11-25T11:00")).needsAttention())
                .isFalse();
    }

    @Test
    void linesAddUpToTheTotal() {
        FeeQuote q = engine.quote(demo, "small", at("2026-11-20T07:13"), at("2026-11-25T18:47"));

        assertThat(q.lines().stream().mapToLong(FeeLine::amountFen).sum()).isEqualTo(q.totalFen());
        assertThat(q.totalFen()).isPositive();
    }
}
