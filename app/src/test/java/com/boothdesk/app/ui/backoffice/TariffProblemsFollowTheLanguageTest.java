package com.boothdesk.app.ui.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.fee.TariffException;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;
import com.boothdesk.app.ui.backoffice.settings.SettingsViewModel;

/**
 * The tariff validator's problems are keys ({@code tariff.invalid.*}) with their place (class, calendar day), so the
 * tariff editor names the wrong period in the operator's language, and the window's language switch switches it.
 */
class TariffProblemsFollowTheLanguageTest {

    static final Pattern THROWN = Pattern.compile("(?:fail|failIn)\\((?:at, )?\"([a-z_]+)\"|null, null, \"([a-z_]+)\"");

    @Test
    void everyProblemTheValidatorNamesHasChineseAndEnglishText() throws Exception {
        Set<String> keys = new TreeSet<>();
        Matcher m = THROWN.matcher(Files.readString(Path.of("src", "main", "java", "com", "boothdesk", "app",
                "domain", "fee", "TariffValidator.java")));
        while (m.find()) {
            keys.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        assertThat(keys).contains("no_class", "gap", "overlap", "whole_day", "grace", "ladder_cheaper", "negative",
                "period_negative").hasSizeGreaterThanOrEqualTo(25);
        Properties zh = RefusalsFollowTheLanguageTest.bundle("messages_zh_CN.properties");
        Properties root = RefusalsFollowTheLanguageTest.bundle("messages.properties");
        Properties en = RefusalsFollowTheLanguageTest.bundle("messages_en.properties");
        for (String k : keys) {
            String key = "tariff.invalid." + k;
            assertThat(zh.getProperty(key)).as(key).containsPattern("\\p{IsHan}");
            assertThat(root.getProperty(key)).as(key).isEqualTo(zh.getProperty(key));
            assertThat(en.getProperty(key)).as(key).isNotBlank().doesNotContainPattern("\\p{IsHan}");
        }
    }

    static TariffException problem(String json) {
        try {
            Tariffs.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            throw new AssertionError("the tariff was taken");
        } catch (TariffException e) {
            return e;
        }
    }

    @Test
    void aGapAnOverlapAndACheaperLadderStepAreToldInBothLanguages() throws Exception {
        String day = BackOfficeScreensViewModelTest.demoTariff();
        TariffException gap = problem(day.replace("\"end\": \"21:00\", \"firstMinutes\"", "\"end\": \"20:00\", "
                + "\"firstMinutes\""));
        assertThat(gap.key()).contains("gap");
        assertThat(gap.getMessage()).contains("gap 20:00-21:00 between period '白天'"); // the log's English stays
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        Messages en = new Messages(Locale.ENGLISH);
        assertThat(zh.tariff(gap)).isEqualTo("车型“small” 工作日：时段“白天”与时段“夜间”之间 20:00-21:00 没有覆盖");
        assertThat(en.tariff(gap)).isEqualTo("Class 'small', workday: gap 20:00-21:00 between period '白天' and "
                + "period '夜间'");
        TariffException overlap = problem(day.replace("{\"name\": \"夜间\", \"start\": \"21:00\"",
                "{\"name\": \"夜间\", \"start\": \"20:00\""));
        assertThat(zh.tariff(overlap)).isEqualTo("车型“small” 工作日：时段“夜间” 20:00-07:00 与时段“白天” 07:00-21:00 "
                + "重叠（20:00-21:00）");
        assertThat(en.tariff(overlap)).isEqualTo("Class 'small', workday: period '夜间' 20:00-07:00 overlaps period "
                + "'白天' 07:00-21:00 (20:00-21:00)");
        TariffException unreadable = problem("{");
        assertThat(unreadable.key()).isEmpty();
        assertThat(zh.tariff(unreadable)).startsWith("收费标准无法读取：");
        assertThat(en.tariff(unreadable)).startsWith("The tariff cannot be read: ");
    }

    @Test
    void theEditorNamesTheBrokenPeriodInChineseThenInEnglishAfterTheSwitch() throws Exception {
        BackOfficeScreensViewModelTest.Port port = new BackOfficeScreensViewModelTest.Port(
                BackOfficeScreensViewModelTest.demoTariff());
        BackOfficePorts ports = new BackOfficePorts(null, null, port, BackOfficeScreensViewModelTest.reports(
                List.of()), BackOfficeScreensViewModelTest.access(new boolean[] {true}),
                BackOfficeScreensViewModelTest.ZONE, BackOfficeScreensViewModelTest.ENV.clock());
        BackOfficeViewModel vm = new BackOfficeViewModel(ports, BackOfficeScreensViewModelTest.ENV);
        SettingsViewModel zh = vm.settings();
        zh.start();
        String broken = zh.tariffJson().get().replace("\"end\": \"21:00\", \"firstMinutes\"",
                "\"end\": \"20:00\", \"firstMinutes\"");
        zh.tariffJson().set(broken);
        assertThat(zh.tariffOk().get()).isFalse();
        assertThat(zh.tariffError().get()).isEqualTo("车型“small” 工作日：时段“白天”与时段“夜间”之间 20:00-21:00 没有覆盖");
        zh.applyTariff();
        assertThat(port.applied).isEmpty();
        assertThat(zh.status().get()).contains("时段“白天”与时段“夜间”之间 20:00-21:00");

        vm.switchTo(Locale.ENGLISH);
        SettingsViewModel en = vm.settings();
        en.start();
        en.tariffJson().set(broken);
        assertThat(en.tariffError().get()).isEqualTo("Class 'small', workday: gap 20:00-21:00 between period '白天' "
                + "and period '夜间'");
    }
}
