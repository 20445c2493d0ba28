package com.boothdesk.app.ui.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.settings.FieldException;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;
import com.boothdesk.app.ui.backoffice.settings.SettingsViewModel;
import com.boothdesk.devices.templates.Outcome;

/**
 * A refused value is told in the operator's language, field and reason both, and the window's language switch
 * switches it: the reasons are keys ({@code bo.reason.*}), not English literals in the validators.
 */
class RefusalsFollowTheLanguageTest {

    static final Pattern THROWN = Pattern.compile(
            "new FieldException\\([^,;]+,\\s*\"([a-z_]+)\"|new Refusal\\([^,;]+,[^,;]+,\\s*\"([a-z_]+)\"");

    @Test
    void everyReasonTheValidatorsThrowHasChineseAndEnglishText() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "com", "boothdesk", "app"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = THROWN.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertThat(keys).contains("required", "not_plate", "ends_before_start", "unknown_placeholder",
                "tariff_invalid", "file_empty");
        Properties zh = bundle("messages_zh_CN.properties");
        Properties root = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        for (String k : keys) {
            assertThat(zh.getProperty("bo.reason." + k)).as(k).containsPattern("\\p{IsHan}");
            assertThat(root.getProperty("bo.reason." + k)).as(k).isEqualTo(zh.getProperty("bo.reason." + k));
            assertThat(en.getProperty("bo.reason." + k)).as(k).isNotBlank().doesNotContainPattern("\\p{IsHan}");
        }
    }

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/com/boothdesk/app/i18n/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void aRefusedTemplateAndToleranceAreToldInChineseThenInEnglishAfterTheSwitch() throws Exception {
        BackOfficeScreensViewModelTest.Port port = new BackOfficeScreensViewModelTest.Port(
                BackOfficeScreensViewModelTest.demoTariff());
        BackOfficePorts ports = new BackOfficePorts(null, null, port, BackOfficeScreensViewModelTest.reports(
                List.of()), BackOfficeScreensViewModelTest.access(new boolean[] {true}),
                BackOfficeScreensViewModelTest.ZONE, BackOfficeScreensViewModelTest.ENV.clock());
        BackOfficeViewModel vm = new BackOfficeViewModel(ports, BackOfficeScreensViewModelTest.ENV);

        SettingsViewModel zh = vm.settings();
        zh.start();
        zh.outcome().set(Outcome.FEE_DUE);
        zh.line(1).set("{price}元"); // the real validator (BackOfficeSettings.validate) refuses the placeholder
        assertThat(zh.templateError().get()).startsWith("第2行 有误：未知的占位符 {price}；可用：");
        zh.matchTolerance().set("9");
        zh.applyMatchTolerance();
        assertThat(zh.status().get()).isEqualTo("匹配容差 有误：须在 1～7 之间，填的是 9");

        vm.switchTo(Locale.ENGLISH);
        SettingsViewModel en = vm.settings();
        en.start();
        en.outcome().set(Outcome.FEE_DUE);
        en.line(1).set("{price}元");
        assertThat(en.templateError().get()).startsWith("Line 2 is wrong: unknown placeholder {price}; known: ");
        en.matchTolerance().set("9");
        en.applyMatchTolerance();
        assertThat(en.status().get()).isEqualTo("Match tolerance is wrong: must be 1..7, not 9");
    }

    @Test
    void aTypedValueInTheReasonIsCutAndKeptOutOfTheMessageFormat() {
        String typed = "{0}'x" + "9".repeat(500);
        FieldException e = new FieldException("price", "not_yuan", typed);
        assertThat(e.args().get(0).length()).isLessThan(260);
        String en = new Messages(Locale.ENGLISH).refused(e);
        assertThat(en).startsWith("Price (yuan) is wrong: “{0}'x99").endsWith("” is not an amount in yuan");
        assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).refused(e)).startsWith("金额（元） 有误：“{0}'x99");
    }
}
