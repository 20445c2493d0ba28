package com.boothdesk.devices.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.devices.card.CardCommand;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.LaneCardOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packaged templates, site overrides re-read on change, and formats of fee and duration. */
class LaneTemplatesTest {
    @TempDir
    Path siteDir;

    @Test
    void everyOutcomeHasAPackagedTemplate() {
        LaneTemplates t = LaneTemplates.load(null);
        for (Outcome o : Outcome.values()) {
            LaneMessage m = t.render(o, LaneTemplates.vars().plate("京A12345").feeFen(1250).days(30).spaces(88)
                    .duration(Duration.ofMinutes(90)).build());
            assertThat(m.lines()).as(o.name()).isNotEmpty();
            assertThat(String.join("|", m.lines()) + m.voice()).as(o.name()).doesNotContain("{");
        }
    }

    @Test
    void feeDueIsRenderedInYuanWithTwoDecimals() {
        LaneMessage m = LaneTemplates.load(null).render(Outcome.FEE_DUE, LaneTemplates.vars().plate("京A12345")
                .feeFen(1250).duration(Duration.ofMinutes(90)).build());
        assertThat(m.lines()).containsExactly("京A12345", "停车1小时30分", "请交费12.50元");
        assertThat(m.voice()).isEqualTo("京A12345,停车1小时30分,请交费12.50元");
    }

    @Test
    void formats() {
        assertThat(LaneTemplates.formatYuan(5)).isEqualTo("0.05");
        assertThat(LaneTemplates.formatYuan(100_000)).isEqualTo("1000.00");
        assertThat(LaneTemplates.formatDuration(Duration.ofMinutes(0))).isEqualTo("0分");
        assertThat(LaneTemplates.formatDuration(Duration.ofMinutes(60 * 24 * 2 + 61))).isEqualTo("2天1小时1分");
    }

    @Test
    void siteFileOverridesKeysAndIsReReadWhenItChanges() throws Exception {
        LaneTemplates t = LaneTemplates.load(siteDir);
        assertThat(t.render(Outcome.GOOD_TRIP, LaneTemplates.vars().plate("A").build()).voice()).isEqualTo("一路顺风");
        Path f = siteDir.resolve(LaneTemplates.FILE_NAME);
        Files.writeString(f, "good_trip.voice=祝您一路平安\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        LaneMessage m = t.render(Outcome.GOOD_TRIP, LaneTemplates.vars().plate("A").build());
        assertThat(m.voice()).isEqualTo("祝您一路平安");
        assertThat(m.lines()).containsExactly("A", "一路顺风");

        Files.writeString(f, "good_trip.voice=再见\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2025-01-02T00:00:00Z")));
        assertThat(t.render(Outcome.GOOD_TRIP, LaneTemplates.vars().build()).voice()).isEqualTo("再见");

        Files.delete(f);
        assertThat(t.render(Outcome.GOOD_TRIP, LaneTemplates.vars().build()).voice()).isEqualTo("一路顺风");
    }

    @Test
    void brokenSiteFileKeepsThePreviousTexts() throws Exception {
        LaneTemplates t = LaneTemplates.load(siteDir);
        Path f = siteDir.resolve(LaneTemplates.FILE_NAME);
        Files.writeString(f, "good_trip.voice=\\u12G4\n", StandardCharsets.UTF_8); // malformed unicode escape
        assertThat(t.render(Outcome.GOOD_TRIP, LaneTemplates.vars().build()).voice()).isEqualTo("一路顺风");
    }

    @Test
    void missingValueLeavesThePlaceholderVisible() {
        LaneMessage m = LaneTemplates.load(null).render(Outcome.MONTHLY_DAYS_LEFT, LaneTemplates.vars().build());
        assertThat(m.lines().get(2)).isEqualTo("剩余{days}天");
    }

    @Test
    void messageBecomesCardFramesForEachTextMode() throws Exception {
        LaneMessage m = new LaneMessage(List.of("京A12345", "一路顺风"), "一路顺风");
        List<CardFrame> perLine = m.toCardFrames(0, LaneCardOptions.TextMode.PER_LINE);
        assertThat(perLine).hasSize(5);
        assertThat(((CardCommand.TempText) CardCommand.parse(perLine.get(0))).text()).isEqualTo("京A12345");
        assertThat(((CardCommand.TempText) CardCommand.parse(perLine.get(3))).text()).isEmpty();
        assertThat(((CardCommand.PlayVoice) CardCommand.parse(perLine.get(4))).text()).isEqualTo("一路顺风");
        CardFrame one = m.toCardFrames(0, LaneCardOptions.TextMode.MULTI_LINE_6F).get(0);
        assertThat(((CardCommand.MultiLineV2) CardCommand.parse(one)).voice()).isEqualTo("一路顺风");
        assertThat(m.toSerialPayloads(1, 0, LaneCardOptions.TextMode.MULTI_LINE_6E)).hasSize(1)
                .allSatisfy(p -> assertThat(p.channel()).isEqualTo(1));
    }
}
