package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Chinese first, English complete: both bundles have every key, and every key the code names exists. */
class MessagesTest {

    @Test
    void theBundlesHaveTheSameKeys() {
        assertThat(load("messages_en").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages_zh_CN").stringPropertyNames());
        assertThat(load("messages").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages_zh_CN").stringPropertyNames());
    }

    @Test
    void everyMessageKeyTheCodeNamesIsTranslated() throws IOException {
        Set<String> keys = load("messages_zh_CN").stringPropertyNames();
        Pattern quoted = Pattern.compile("\"((?:ui|lane|entry|exit|settle|confirm|refuse|correct|pick|norecord|free|"
                + "reason|storedvalue|cloud|outbox|inlot|spaces|operator|events|app|device|health)\\.[a-z_.A-Z]+)\"");
        Set<String> used = new HashSet<>();
        // the domain names its decisions by key, the UI its labels (configuration keys live elsewhere)
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java/com/boothdesk/app/domain")),
                Files.walk(Path.of("src/main/java/com/boothdesk/app/ui")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = quoted.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.removeIf(k -> k.endsWith(".") || k.startsWith("cloud.") && !k.equals("cloud.status")
                || k.startsWith("health.") || k.startsWith("lane.") && k.split("\\.").length == 1);
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyKeyActionBarrierActionAndPlateColourHasItsText() {
        Set<String> keys = load("messages_zh_CN").stringPropertyNames();
        for (com.boothdesk.app.ui.keys.Action a : com.boothdesk.app.ui.keys.Action.values()) {
            assertThat(keys).contains("ui.action." + a.configName());
        }
        for (com.boothdesk.app.domain.gate.BarrierAction a : com.boothdesk.app.domain.gate.BarrierAction.values()) {
            assertThat(keys).contains("ui.barrier." + a.name());
        }
        for (int c = 0; c <= 6; c++) {
            assertThat(keys).contains("ui.colour." + c);
        }
        for (com.boothdesk.app.ui.ReasonLists.Kind k : com.boothdesk.app.ui.ReasonLists.Kind.values()) {
            assertThat(keys).contains("ui.lane.reason." + k.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void theMessagesAreChineseByDefaultAndEnglishOnRequest() {
        assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).get("lane.cash")).isEqualTo("现金收费 (F1)");
        assertThat(new Messages(Locale.ENGLISH).get("lane.cash")).isEqualTo("Cash (F1)");
        assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).get("exit.charge", "京A12345", "7.00"))
                .isEqualTo("京A12345 请收费 7.00 元");
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/com/boothdesk/app/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
