package com.boothdesk.app.site.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.ui.Messages;

/** Every conflict kind the replay writes has its text in the supervisor's list, Chinese first and English. */
class OutageConflictKindsTextTest {

    @Test
    void everyConflictKindIsNamedInChineseAndInEnglish() {
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        Messages en = new Messages(Locale.ENGLISH);
        for (OutageConflicts.Kind k : OutageConflicts.Kind.values()) {
            String key = "site.conflicts.kind." + k.name();
            String chinese = zh.get(key);
            String english = en.get(key);
            assertThat(chinese).as(key).doesNotContain(key).isNotBlank().containsPattern("\\p{IsHan}");
            assertThat(english).as(key).doesNotContain(key).isNotBlank().doesNotContainPattern("\\p{IsHan}")
                    .isNotEqualTo(chinese);
        }
    }
}
