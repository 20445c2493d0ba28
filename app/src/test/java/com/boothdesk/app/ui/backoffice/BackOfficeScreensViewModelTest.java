package com.boothdesk.app.ui.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.FeeRequest;
import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.settings.BackOfficeSettings;
import com.boothdesk.app.settings.FieldException;
import com.boothdesk.app.store.history.JdbcAudit;
import com.boothdesk.app.store.history.JdbcReports;
import com.boothdesk.app.store.history.TableExport;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;
import com.boothdesk.app.ui.backoffice.reports.ReportsViewModel;
import com.boothdesk.app.ui.backoffice.settings.SettingsViewModel;
import com.boothdesk.devices.templates.Outcome;

/**
 * The settings (tariff editor, templates, devices, rules and language) and reports view-models, and the window's
 * language switch, without a robot: executors run directly. The tariff port parses and prices with the real
 * {@link Tariffs} reader and {@link FeeEngine}, so the validator's message and the quote are the booth's own.
 */
class BackOfficeScreensViewModelTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z"); // 14:00 in the park
    static final BackOfficeEnv ENV = new BackOfficeEnv(new Messages(Locale.SIMPLIFIED_CHINESE), ZONE,
            Clock.fixed(NOW, ZONE), Runnable::run, Runnable::run);

    static String demoTariff() throws Exception {
        return Files.readString(Path.of("..", "resources", "config", "tariffs", "day-night.json"));
    }

    /** A settings port over the real tariff reader and fee engine; records what was saved and sent. */
    static final class Port implements BackOfficePorts.Settings {
        final FeeEngine engine = new FeeEngine(ZONE);
        final List<String> applied = new ArrayList<>();
        final List<BackOfficeSettings.Template> saved = new ArrayList<>();
        final List<List<String>> sent = new ArrayList<>();
        final List<String> audit = new ArrayList<>();
        final List<Locale> languages = new ArrayList<>();
        String tariff;
        CompletableFuture<String> answer = CompletableFuture.completedFuture("ACKED");

        Port(String tariff) {
            this.tariff = tariff;
        }

        public String currentTariffJson() {
            return tariff;
        }

        public BackOfficeSettings.TariffCheck check(String json) {
            try {
                return new BackOfficeSettings.TariffCheck(Tariffs.read(new ByteArrayInputStream(
                        json.getBytes(StandardCharsets.UTF_8))), null);
            } catch (Exception e) {
                return new BackOfficeSettings.TariffCheck(null, e.getMessage());
            }
        }

        public FeeQuote quote(Tariff t, String cls, Instant in, Instant out) {
            return engine.quote(t, FeeRequest.of(cls, in, out));
        }

        public void applyTariff(String json, String who) {
            if (!check(json).ok()) {
                throw new FieldException("tariff", "tariff_invalid", check(json).error());
            }
            applied.add(who);
            audit.add("tariff");
            tariff = json;
        }

        public List<BackOfficeSettings.Template> templates() {
            List<BackOfficeSettings.Template> out = new ArrayList<>();
            for (Outcome o : Outcome.values()) {
                out.add(saved.stream().filter(t -> t.outcome() == o).reduce((a, b) -> b).orElse(
                        new BackOfficeSettings.Template(o, List.of(o.key() + " {plate}", "{fee}元", "", ""),
                                "请缴费{fee}元")));
            }
            return out;
        }

        public void saveTemplate(BackOfficeSettings.Template t, String who) {
            BackOfficeSettings.validate(t);
            saved.add(t);
            audit.add("template");
        }

        public CompletableFuture<String> sendToCard(String lane, List<String> lines, String voice) {
            sent.add(new ArrayList<>(lines));
            sent.get(sent.size() - 1).add(lane + "|" + voice);
            return answer;
        }

        public List<String> devices() {
            return List.of("A1  入口  ENTRY  card /dev/ttyS1 @9600 OK", "B1  出口  EXIT  card /dev/ttyS2 @9600 OK");
        }

        public List<String> laneIds() {
            return List.of("A1", "B1");
        }

        public void setMatchTolerance(String value, String who) {
            if (!value.matches("[1-7]")) {
                throw new FieldException("match.min_matching", "range", 1, 7, value);
            }
            audit.add("match");
        }

        public void setLanguage(Locale l, String who) {
            languages.add(l);
        }

        public List<JdbcAudit.Entry> audit(int limit) {
            List<JdbcAudit.Entry> out = new ArrayList<>();
            for (String a : audit) {
                out.add(new JdbcAudit.Entry(out.size() + 1, NOW, "zhang", a, a + ".key", "old", "new"));
            }
            return out;
        }
    }

    static BackOfficePorts.Access access(boolean[] supervisor) {
        return new BackOfficePorts.Access() {
            public String who() {
                return "zhang";
            }

            public boolean canChange() {
                return supervisor[0];
            }
        };
    }

    @Test
    void aTariffEditChangesTheLiveQuoteAndABrokenPeriodIsNamed() throws Exception {
        Port port = new Port(demoTariff());
        SettingsViewModel vm = new SettingsViewModel(port, access(new boolean[] {true}), ENV);
        vm.start();
        // the typed stay: 11:00 - 14:00 today, daytime: 30 free minutes (deducted), first hour 5 yuan, then 1 per 15'
        assertThat(vm.stayIn().get()).isEqualTo("2026-11-25 11:00");
        assertThat(vm.tariffOk().get()).isTrue();
        String before = vm.quote().get();
        assertThat(before).startsWith("试算：").contains("元");

        vm.tariffJson().set(vm.tariffJson().get().replace("\"firstFen\": 500", "\"firstFen\": 900"));
        assertThat(vm.tariffOk().get()).isTrue();
        assertThat(vm.quote().get()).isNotEqualTo(before);
        assertThat(yuan(vm.quote().get()) - yuan(before)).isEqualTo(4.0);

        vm.tariffJson().set(vm.tariffJson().get().replace("\"start\": \"21:00\"", "\"start\": \"25:00\""));
        assertThat(vm.tariffOk().get()).isFalse();
        assertThat(vm.tariffError().get()).contains("'夜间'");
        assertThat(vm.quote().get()).isEmpty();

        vm.applyTariff();
        assertThat(port.applied).isEmpty();
        assertThat(vm.status().get()).contains("夜间");
    }

    @Test
    void readersSeeTheTariffButOnlySupervisorsApplyItAndTheAuditShowsTheChange() throws Exception {
        boolean[] supervisor = {false};
        Port port = new Port(demoTariff());
        SettingsViewModel vm = new SettingsViewModel(port, access(supervisor), ENV);
        vm.start();
        assertThat(vm.canChange().get()).isFalse();
        vm.applyTariff();
        assertThat(port.applied).isEmpty();
        assertThat(vm.status().get()).contains("只读");

        supervisor[0] = true;
        vm.applyTariff();
        assertThat(port.applied).containsExactly("zhang");
        assertThat(vm.status().get()).contains("新费率已生效");
        assertThat(vm.audit()).singleElement().asString().contains("zhang").contains("tariff.key")
                .contains("old → new");
    }

    @Test
    void aTemplateIsPreviewedWithSampleValuesCheckedSavedAndSentToTheChosenCard() throws Exception {
        Port port = new Port(demoTariff());
        SettingsViewModel vm = new SettingsViewModel(port, access(new boolean[] {true}), ENV);
        vm.start();
        vm.outcome().set(Outcome.FEE_DUE);
        assertThat(vm.line(0).get()).isEqualTo("fee_due {plate}");
        assertThat(vm.preview().get()).startsWith("fee_due 京A12345\n12.50元").contains("请缴费12.50元");

        vm.line(1).set("{price}元");
        assertThat(vm.templateError().get()).contains("第2行").contains("{price}");
        vm.line(1).set("请缴费 {fee} 元");
        assertThat(vm.templateError().get()).isEmpty();
        assertThat(vm.preview().get()).contains("请缴费 12.50 元");

        vm.saveTemplate();
        assertThat(port.saved).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(Outcome.FEE_DUE);
            assertThat(t.lines()).containsExactly("fee_due {plate}", "请缴费 {fee} 元", "", "");
        });
        assertThat(vm.status().get()).contains("fee_due").contains("已保存");

        vm.lane().set("B1");
        vm.sendTemplate();
        assertThat(port.sent).singleElement().isEqualTo(List.of("fee_due 京A12345", "请缴费 12.50 元",
                "B1|请缴费12.50元"));
        assertThat(vm.cardAnswer().get()).isEqualTo("B1 显示屏应答：ACKED");
    }

    @Test
    void theDeviceTestShowsWhatTheCardAnsweredOrThatItStaysSilent() throws Exception {
        Port port = new Port(demoTariff());
        SettingsViewModel vm = new SettingsViewModel(port, access(new boolean[] {false}), ENV);
        vm.start();
        assertThat(vm.laneIds()).containsExactly("A1", "B1");
        assertThat(vm.devices()).hasSize(2);
        assertThat(vm.lane().get()).isEqualTo("A1");

        port.answer = new CompletableFuture<>();
        vm.testCard("A1");
        assertThat(vm.cardAnswer().get()).isEqualTo("正在发送到 A1 …");
        port.answer.complete("NO_ANSWER");
        assertThat(vm.cardAnswer().get()).isEqualTo("A1 显示屏应答：NO_ANSWER");
        assertThat(port.sent).singleElement().isEqualTo(List.of("设备测试", "A1|"));

        vm.testCard(" ");
        assertThat(vm.cardAnswer().get()).isEqualTo("请选择车道");
    }

    @Test
    void theMatchToleranceNamesTheFieldAndTheLanguageSwitchesAtOnceAndIsKept() throws Exception {
        Port port = new Port(demoTariff());
        SettingsViewModel vm = new SettingsViewModel(port, access(new boolean[] {true}), ENV);
        List<Locale> switched = new ArrayList<>();
        vm.onLanguageSwitch(switched::add);
        vm.start();
        vm.matchTolerance().set("9");
        vm.applyMatchTolerance();
        assertThat(vm.status().get()).isEqualTo("匹配容差 有误：须在 1～7 之间，填的是 9");
        vm.matchTolerance().set("5");
        vm.applyMatchTolerance();
        assertThat(vm.status().get()).contains("重启后生效");

        vm.switchLanguage(Locale.ENGLISH);
        assertThat(switched).containsExactly(Locale.ENGLISH);
        assertThat(port.languages).containsExactly(Locale.ENGLISH);
    }

    @Test
    void theWindowSwitchesEveryScreenToEnglishWithoutARestart() {
        BackOfficePorts ports = new BackOfficePorts(null, null, new Port("{}"), reports(List.of()),
                access(new boolean[] {false}), ZONE, Clock.fixed(NOW, ZONE));
        BackOfficeViewModel vm = new BackOfficeViewModel(ports, ENV);
        assertThat(vm.who().get()).isEqualTo("当前用户 zhang（只读）");
        SettingsViewModel zh = vm.settings();

        vm.settings().switchLanguage(Locale.ENGLISH); // a reader may switch the screen; the site file is not changed
        assertThat(vm.locale().get()).isEqualTo(Locale.ENGLISH);
        assertThat(vm.msg().get("bo.tab.history")).isEqualTo("History");
        assertThat(vm.who().get()).contains("zhang").doesNotContain("当前用户");
        assertThat(vm.settings()).isNotSameAs(zh);
        vm.reports().to().set(vm.reports().from().get().minusDays(1));
        vm.reports().refresh();
        assertThat(vm.reports().status().get()).doesNotContainPattern("\\p{IsHan}");

        vm.switchTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.msg().get("bo.tab.history")).isEqualTo("历史记录");
    }

    static BackOfficePorts.Reports reports(List<JdbcReports.IncomeRow> income) {
        return new BackOfficePorts.Reports() {
            public List<JdbcReports.IncomeRow> income(Instant f, Instant t, JdbcReports.Period p) {
                return income;
            }

            public List<JdbcReports.FlowRow> flow(Instant f, Instant t) {
                LocalDateTime h = LocalDateTime.of(2026, 11, 25, 8, 0);
                return List.of(new JdbcReports.FlowRow(h, 3, 1, 2), new JdbcReports.FlowRow(h.plusHours(1), 0, 0, 2),
                        new JdbcReports.FlowRow(h.plusHours(2), 1, 2, 1));
            }

            public List<JdbcReports.ReasonRow> freeReleases(Instant f, Instant t) {
                return List.of(new JdbcReports.ReasonRow("zhang", "救护车", 2, 1500));
            }

            public List<JdbcReports.ReasonRow> manualMovements(Instant f, Instant t) {
                return List.of(new JdbcReports.ReasonRow("li", "设备故障", 3, 0));
            }
        };
    }

    @Test
    void theReportsShowTotalsChartSeriesAndTheExportedTablesOfTheWeek() {
        LocalDate d1 = LocalDate.of(2026, 11, 24);
        LocalDate d2 = LocalDate.of(2026, 11, 25);
        List<Instant[]> asked = new ArrayList<>();
        BackOfficePorts.Reports base = reports(List.of(
                new JdbcReports.IncomeRow(d1, "CASH", "zhang", 4, 4000, 3500, 0, 500),
                new JdbcReports.IncomeRow(d2, "CASH", "li", 1, 1000, 1000, 0, 0),
                new JdbcReports.IncomeRow(d2, "ELECTRONIC", "li", 2, 2200, 2200, 200, 0),
                new JdbcReports.IncomeRow(d2, "RENEWAL", "zhang", 1, 30000, 30000, 0, 0)));
        BackOfficePorts.Reports port = new BackOfficePorts.Reports() {
            public List<JdbcReports.IncomeRow> income(Instant f, Instant t, JdbcReports.Period p) {
                asked.add(new Instant[] {f, t});
                return base.income(f, t, p);
            }

            public List<JdbcReports.FlowRow> flow(Instant f, Instant t) {
                return base.flow(f, t);
            }

            public List<JdbcReports.ReasonRow> freeReleases(Instant f, Instant t) {
                return base.freeReleases(f, t);
            }

            public List<JdbcReports.ReasonRow> manualMovements(Instant f, Instant t) {
                return base.manualMovements(f, t);
            }
        };
        ReportsViewModel vm = new ReportsViewModel(port, ENV);
        assertThat(vm.from().get()).isEqualTo(LocalDate.of(2026, 11, 19));
        vm.refresh();
        // the week in the park's time: 11-19 00:00 to 11-26 00:00 Beijing time
        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r[0]).isEqualTo(Instant.parse("2026-11-18T16:00:00Z"));
            assertThat(r[1]).isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
        });
        // 实收 counts the prepaid 2.00 too (paid 367.00 at the exits + 2.00 prepaid)
        assertThat(vm.totals().get()).isEqualTo("应收 372.00 元  实收 369.00 元  出场 7 辆  免费 2 次  手动抬杆 3 次");
        assertThat(vm.incomeSeries()).extracting(e -> e.getKey()).containsExactly("现金", "扫码", "月卡续费");
        assertThat(vm.incomeSeries().get(0).getValue()).extracting(ReportsViewModel.Point::y)
                .containsExactly(35.0, 10.0);
        assertThat(vm.incomeSeries().get(1).getValue()).extracting(ReportsViewModel.Point::y)
                .containsExactly(0.0, 24.0); // electronic: 22.00 paid + 2.00 prepaid, nothing on the first day
        assertThat(vm.flowPoints("in")).extracting(ReportsViewModel.Point::y).containsExactly(3.0, 0.0, 1.0);
        assertThat(vm.flowPoints("inside")).extracting(ReportsViewModel.Point::x).first().isEqualTo("11-25 08");
        var tables = vm.tables();
        assertThat(tables).hasSize(4);
        assertThat(tables.get(0).rows()).hasSize(4);
        assertThat(tables.get(0).rows().get(0).get(5)).isEqualTo(new TableExport.Money(3500));
        assertThat(tables.get(1).rows()).hasSize(2); // the empty hour is left out of the table
        assertThat(tables.get(2).rows()).singleElement().asString().contains("救护车");

        vm.to().set(LocalDate.of(2026, 11, 1));
        vm.refresh();
        assertThat(asked).hasSize(1);
        assertThat(vm.status().get()).contains("结束早于开始");
    }

    private static double yuan(String quote) {
        return Double.parseDouble(quote.replaceAll("(?s)^试算：([0-9.]+) 元.*$", "$1"));
    }
    @Test
    void aMonthlyCardIsRenewedWithTheCashTakenAStoredValueCardToppedUpAndARowDeleted() {
        java.util.Map<String, java.util.List<String>> calls = new java.util.LinkedHashMap<>();
        com.boothdesk.app.store.history.ListTable.Row card = new com.boothdesk.app.store.history.ListTable.Row(
                "M1", java.util.Map.of("card_id", "M1", "plates", "京A12345", "valid_to", "2026-11-30"));
        BackOfficePorts.Lists port = new BackOfficePorts.Lists() {
            public com.boothdesk.app.store.history.ListTable read(
                    com.boothdesk.app.store.history.JdbcListReads.Kind kind, String f) {
                return new com.boothdesk.app.store.history.ListTable(kind, List.of("card_id", "plates", "valid_to"),
                        List.of(card));
            }

            public String save(com.boothdesk.app.store.history.JdbcListReads.Kind k, java.util.Map<String, String> f,
                               String who) {
                return "";
            }

            public boolean delete(com.boothdesk.app.store.history.JdbcListReads.Kind kind, String key, String who) {
                calls.put("delete", List.of(kind.name(), key, who));
                return true;
            }

            public com.boothdesk.app.domain.lists.MonthRenewal renew(String c, String to, String paid, int m,
                                                                     String who) {
                calls.put("renew", List.of(c, to, paid, who));
                return new com.boothdesk.app.domain.lists.MonthRenewal("T1", c, NOW, 30000, 30000, "cash", who, m,
                        LocalDate.of(2026, 12, 1), LocalDate.parse(to), "");
            }

            public void topUp(String c, String yuan, String who) {
                if (yuan.startsWith("-")) {
                    throw new FieldException("amount", "positive");
                }
                calls.put("topUp", List.of(c, yuan, who));
            }

            public com.boothdesk.app.settings.ListImport.Report importFile(
                    com.boothdesk.app.store.history.JdbcListReads.Kind kind, Path file, String who) {
                throw new UnsupportedOperationException();
            }
        };
        var vm = new com.boothdesk.app.ui.backoffice.lists.ListsViewModel(port, access(new boolean[] {true}), ENV);
        vm.refresh();
        assertThat(vm.rows()).hasSize(1);
        vm.selected().set(vm.rows().get(0));
        assertThat(vm.field("plates").get()).isEqualTo("京A12345"); // the editor shows the selected card

        vm.renewTo().set("2026-12-31");
        vm.renewPaid().set("300");
        vm.renew();
        assertThat(calls.get("renew")).containsExactly("M1", "2026-12-31", "300", "zhang");
        assertThat(vm.status().get()).isEqualTo("M1 已续至 2026-12-31，收款 300.00 元");

        vm.delete();
        assertThat(calls.get("delete")).containsExactly("MONTHLY", "M1", "zhang");
        assertThat(vm.status().get()).isEqualTo("已删除 M1");

        vm.kind().set(com.boothdesk.app.store.history.JdbcListReads.Kind.STORED_VALUE);
        vm.selected().set(vm.rows().get(0));
        vm.topUpAmount().set("-5");
        vm.topUp();
        assertThat(calls).doesNotContainKey("topUp");
        assertThat(vm.errorField().get()).isEqualTo("amount");
        vm.topUpAmount().set("50");
        vm.topUp();
        assertThat(calls.get("topUp")).containsExactly("M1", "50", "zhang");
        assertThat(vm.status().get()).isEqualTo("M1 已充值 50 元");

        vm.kind().set(com.boothdesk.app.store.history.JdbcListReads.Kind.VISITOR);
        vm.selected().set(vm.rows().get(0));
        vm.delete();
        assertThat(vm.status().get()).isEqualTo("此名单由云端下发，岗亭不修改");
    }
}
