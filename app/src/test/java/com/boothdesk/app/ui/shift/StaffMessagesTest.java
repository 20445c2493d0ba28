package com.boothdesk.app.ui.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every staff.* key the staff domain and the log-in / shift screens name is in the Chinese and English bundles. */
class StaffMessagesTest {

    @Test
    void everyStaffKeyIsTranslated() throws IOException {
        Pattern quoted = Pattern.compile("\"(staff\\.[a-z_]+\\.[a-z_.]+)\"");
        Set<String> used = new HashSet<>();
        for (String dir : new String[] {"domain/staff", "ui/login", "ui/shift"}) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/com/boothdesk/app", dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = quoted.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(30);
        for (String bundle : new String[] {"messages", "messages_zh_CN", "messages_en"}) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/com/boothdesk/app/i18n/" + bundle + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(p.stringPropertyNames()).as(bundle).containsAll(used);
        }
    }
}
