package com.boothdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class FeeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new FeeCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void quoteWithoutTariffUsesTheDemoDefault() {
        int code = run("quote", "--class", "small", "--in", "2026-11-25T08:00", "--out", "2026-11-25T11:00");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("demo-default").contains("08:00-09:00 首小时 5.00元")
                .contains("待缴 7.00元");
    }

    @Test
    void quoteWithATariffFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flat.json");
        Files.writeString(file, """
            {"id": "flat", "classes": {"small": {"workday": [
               {"name": "全天", "start": "00:00", "end": "00:00", "unitMinutes": 30, "unitFen": 300}]}}}
            """, StandardCharsets.UTF_8);

        int code = run("quote", "--tariff", file.toString(), "--in", "2026-11-25T08:00", "--out",
                "2026-11-25T09:10");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("flat").contains("待缴 9.00元");
    }

    @Test
    void invalidTariffFileExitsOneNamingThePeriod(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gap.json");
        Files.writeString(file, """
            {"id": "gap", "classes": {"small": {"workday": [
               {"name": "白天", "start": "07:00", "end": "21:00", "unitMinutes": 60, "unitFen": 100},
               {"name": "夜间", "start": "22:00", "end": "07:00", "free": true}]}}}
            """, StandardCharsets.UTF_8);

        assertThat(run("quote", "--tariff", file.toString(), "--in", "2026-11-25T08:00", "--out",
                "2026-11-25T09:00")).isEqualTo(1);
        assertThat(err.toString()).contains("gap 21:00-22:00").contains("'白天'");
    }

    @Test
    void missingTariffFileExitsOne(@TempDir Path dir) {
        assertThat(run("quote", "--tariff", dir.resolve("none.json").toString(), "--in", "2026-11-25T08:00",
                "--out", "2026-11-25T09:00")).isEqualTo(1);
        assertThat(err.toString()).contains("no such tariff file");
    }

    @Test
    void badTimeExitsTwo() {
        assertThat(run("quote", "--in", "yesterday", "--out", "2026-11-25T09:00")).isEqualTo(2);
        assertThat(err.toString()).contains("--in 'yesterday'");
    }

    @Test
    void couponsPrepaidAndBalanceArePrinted() {
        int code = run("quote", "--in", "2026-11-25T08:00", "--out", "2026-11-25T11:00", "--coupon", "amount:1",
                "--prepaid", "2", "--paid-at", "2026-11-25T10:00", "--grace", "15", "--balance", "10");

        assertThat(code).isZero();
        // paid at 10:00 and left at 11:00 (after the grace): 7 - 1 coupon - 2 prepaid = 4, from the balance
        assertThat(out.toString()).contains("优惠券 C1 减免1.00元 -1.00元").contains("已预付 2.00元 -2.00元")
                .contains("储值卡支付").contains("待缴 0.00元");
    }

    @Test
    void checkReportsEachFileAndFailsOnABadOne(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Path bad = dir.resolve("bad.json");
        Files.writeString(good, """
            {"id": "good", "classes": {"small": {"workday": [
               {"name": "全天", "start": "00:00", "end": "00:00", "unitMinutes": 60, "unitFen": 100}]}}}
            """, StandardCharsets.UTF_8);
        Files.writeString(bad, """
            {"id": "bad", "classes": {"small": {"workday": [
               {"name": "白天", "start": "07:00", "end": "21:00", "unitMinutes": 60, "unitFen": 100},
               {"name": "夜间", "start": "20:00", "end": "07:00", "free": true}]}}}
            """, StandardCharsets.UTF_8);

        assertThat(run("check", good.toString())).isZero();
        assertThat(out.toString()).contains("OK  " + good).contains("good");
        assertThat(run("check", good.toString(), bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("BAD " + bad).contains("period '夜间' 20:00-07:00 overlaps period '白天'");
    }

    @Test
    void holidayCalendarFileSwitchesToTheHolidayPeriods(@TempDir Path dir) throws Exception {
        Path holidays = dir.resolve("holidays.json");
        Files.writeString(holidays, "{\"weekendsAreHolidays\": false, \"holidays\": [\"2026-10-01\"]}");
        Path tariff = dir.resolve("t.json");
        Files.writeString(tariff, """
            {"id": "wh", "classes": {"small": {
              "workday": [{"name": "工作日", "start": "00:00", "end": "00:00", "unitMinutes": 60, "unitFen": 300}],
              "holiday": [{"name": "假日", "start": "00:00", "end": "00:00", "unitMinutes": 60, "unitFen": 100}]}}}
            """, StandardCharsets.UTF_8);

        assertThat(run("quote", "--tariff", tariff.toString(), "--holidays", holidays.toString(), "--in",
                "2026-10-01T08:00", "--out", "2026-10-01T10:00")).isZero();
        assertThat(out.toString()).contains("待缴 2.00元");
        assertThat(run("quote", "--tariff", tariff.toString(), "--holidays", holidays.toString(), "--in",
                "2026-10-02T08:00", "--out", "2026-10-02T10:00")).isZero();
        assertThat(out.toString()).contains("待缴 6.00元");
    }

    @Test
    void badHolidayCalendarExitsOne(@TempDir Path dir) throws Exception {
        Path holidays = dir.resolve("holidays.json");
        Files.writeString(holidays, "{\"holidays\": [\"2026-13-01\"]}");

        assertThat(run("quote", "--holidays", holidays.toString(), "--in", "2026-10-01T08:00", "--out",
                "2026-10-01T10:00")).isEqualTo(1);
        assertThat(err.toString()).contains("'holidays' holds '2026-13-01'");
    }

    @Test
    void feeAloneShowsUsage() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("quote").contains("check");
    }

    @Test
    void spaceSeparatedTimesAndOffsetsAreAccepted() {
        assertThat(run("quote", "--in", "2026-11-25 08:00", "--out", "2026-11-25T03:00Z")).isZero();
        assertThat(out.toString()).contains("待缴 7.00元");
    }
}
