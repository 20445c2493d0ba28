package com.boothdesk.app.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.FeeLine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.FeeRequest;
import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.ui.FakeLane;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.UiEnv;

/**
 * Issue 15, the fee's item lines in the operator's language: the fee engine gives structured lines (a FeeLine.Say and
 * its arguments) and the UI tells them with message keys. In Chinese exactly the engine's text (what the log, the CLI
 * and the receipts show), in English English; the exit's fee box follows a switch without a new quote.
 */
class FeeLinesFollowTheLanguageTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    final FeeEngine engine = new FeeEngine(CHINA);
    final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
    final Messages en = new Messages(Locale.ENGLISH);

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CHINA).toInstant();
    }

    static List<String> chineseItems(FeeQuote q, int max) {
        return q.explain(max).lines()
                .filter(l -> !l.startsWith("应收 ") && !l.startsWith("待缴 ") && !l.startsWith("停车时长 ")).toList();
    }

    @Test
    void theSameQuoteInChineseAndInEnglish() {
        FeeQuote q = engine.quote(Tariffs.demoDefault(), FeeRequest.of("small", at("2026-11-25T08:00"),
                at("2026-11-25T11:00")).withCoupons(List.of(Coupon.amount("A1", 100))));

        assertThat(CheckoutViewModel.items(zh, q, 6)).isEqualTo(chineseItems(q, 6))
                .contains("08:00-09:00 首小时 5.00元", "优惠券 A1 减免1.00元 -1.00元");
        List<String> english = CheckoutViewModel.items(en, q, 6);
        assertThat(english).hasSameSizeAs(chineseItems(q, 6))
                .containsExactly("over the 15 free min: charged from entry", "08:00-09:00 first hour 5.00 yuan",
                        "09:00-11:00 then 2h (1.00/hour) 2.00 yuan",
                        "coupon A1 1.00 yuan off -1.00 yuan")
                .allMatch(l -> !l.contains("{") && !l.contains("fee.line") && !l.matches(".*\\p{IsHan}.*"));
    }

    @Test
    void theWholeExplanationInEnglishEndsWithTheTotals() {
        FeeQuote q = engine.quote(Tariffs.demoDefault(), FeeRequest.of("small", at("2026-11-25T08:00"),
                at("2026-11-25T11:00")));
        assertThat(CheckoutViewModel.explain(zh, q, 6)).isEqualTo(q.explain(6));
        assertThat(CheckoutViewModel.explain(en, q, 6)).endsWith("stay 3h\ndue 7.00 yuan\nto pay 7.00 yuan");
    }

    @Test
    void everyLineOfTheShippedTariffsIsTheEnginesChineseInChineseAndEnglishInEnglish() throws Exception {
        Set<FeeLine.Say> seen = EnumSet.noneOf(FeeLine.Say.class);
        int lines = 0;
        for (String file : List.of("demo-default.json", "day-night.json", "airport-escalating.json",
                "kaifeng-station.json", "taizhou-ladder.json")) {
            Tariff t = Tariffs.packed(file);
            List<String> classes = new ArrayList<>(t.classes().keySet());
            classes.add("tank"); // no tariff for it: a note
            classes.add("");
            for (String vehicleClass : classes) {
                for (int[] stay : new int[][] {{8 * 60, 10}, {8 * 60, 185}, {19 * 60 + 30, 150}, {20 * 60, 12 * 60},
                        {7 * 60, 14 * 60}, {0, 3 * 1440 + 77}, {9 * 60, 12 * 1440 + 5}, {10 * 60, 0}}) {
                    Instant in = at("2026-11-20T00:00").plusSeconds(stay[0] * 60L);
                    Instant out = in.plusSeconds(stay[1] * 60L);
                    for (FeeRequest r : List.of(FeeRequest.of(vehicleClass, in, out),
                            FeeRequest.of(vehicleClass, in, out).withCoupons(List.of(Coupon.minutes("T", 30),
                                    Coupon.percentOff("P", 10), Coupon.amount("A", 100000), Coupon.full("F"))),
                            FeeRequest.of(vehicleClass, in, out).withBalance(300))) {
                        FeeQuote q = engine.quote(t, r);
                        for (List<FeeLine> shown : List.of(q.lines(), q.items(6))) {
                            for (FeeLine l : shown) {
                                lines++;
                                assertThat(CheckoutViewModel.text(zh, l)).as(file).isEqualTo(l.text());
                                String english = CheckoutViewModel.text(en, l);
                                assertThat(english).as(l.text()).doesNotContain("{").doesNotContain("fee.")
                                        .doesNotContain("元");
                                if (l.phrase() != null) {
                                    seen.add(l.phrase().say());
                                    assertThat(english).isNotEqualTo(l.text());
                                }
                            }
                        }
                        assertThat(CheckoutViewModel.items(zh, q, 6)).isEqualTo(chineseItems(q, 6));
                        assertThat(CheckoutViewModel.explain(zh, q, 6)).isEqualTo(q.explain(6));
                        assertThat(CheckoutViewModel.explain(zh, q, Integer.MAX_VALUE)).isEqualTo(q.explain());
                        assertThat(CheckoutViewModel.explain(en, q, 6)).doesNotContain("元").contains("to pay ");
                    }
                }
            }
        }
        assertThat(lines).isGreaterThan(500);
        assertThat(seen).as("the shipped tariffs say most things").hasSizeGreaterThan(20);
    }

    @Test
    void everySayHasItsTextInBothLanguagesTheChineseAsTheEngines() {
        for (FeeLine.Say say : FeeLine.Say.values()) {
            long holes = say.chinese().chars().filter(c -> c == '{').count();
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < holes; i++) {
                args.add("x" + i);
            }
            // a pattern may name an argument twice: the highest one decides how many there are
            while (say.chinese().contains("{" + args.size() + "}")) {
                args.add("x" + args.size());
            }
            FeeLine.Phrase p = new FeeLine.Phrase(say, args);
            FeeLine line = new FeeLine(p.chinese(), 0, FeeLine.Kind.NOTE, p);
            assertThat(CheckoutViewModel.label(zh, line)).as(say.name()).isEqualTo(say.chinese().isEmpty() ? ""
                    : p.chinese());
            String english = CheckoutViewModel.label(en, line);
            assertThat(english).as(say.name()).doesNotContain(say.key()).doesNotContain("{")
                    .doesNotContainPattern("\\p{IsHan}");
            for (Object a : args) {
                if (say.chinese().contains("{" + args.indexOf(a) + "}")) {
                    assertThat(english).as(say.name()).contains((String) a);
                }
            }
        }
    }

    @Test
    void theExitsFeeBoxFollowsTheSwitchWithoutANewQuote() {
        UiEnv env = FakeLane.env();
        FakeLane exit = FakeLane.exit();
        LaneViewModel lane = new LaneViewModel(exit, env);
        lane.start(null);
        FeeQuote q = engine.quote(Tariffs.demoDefault(), FeeRequest.of("small", at("2026-11-25T08:00"),
                at("2026-11-25T11:00")).withPrepaid(200, at("2026-11-25T10:50"), 15));
        LaneState paying = exit.paying("京B55555", FakeLane.T0.plusSeconds(30), q.totalFen());
        exit.publish(new LaneState(paying.lane(), paying.phase(), paying.lastRead(), paying.order(), q,
                paying.decision(), paying.candidates(), paying.kind(), paying.at()));
        List<String> chinese = List.copyOf(lane.checkout().items());
        assertThat(chinese).isEqualTo(chineseItems(q, CheckoutViewModel.MAX_ITEMS)).contains("已预付 2.00元 -2.00元");

        env.msg().switchTo(Locale.ENGLISH);
        assertThat(lane.checkout().items()).isEqualTo(CheckoutViewModel.items(en, q, CheckoutViewModel.MAX_ITEMS))
                .contains("prepaid 2.00 yuan -2.00 yuan", "08:00-09:00 first hour 5.00 yuan")
                .noneMatch(l -> l.matches(".*\\p{IsHan}.*"));
        assertThat(lane.checkout().dueProperty().get()).isEqualTo("5.00");

        env.msg().switchTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(lane.checkout().items()).isEqualTo(chinese);
    }
}
