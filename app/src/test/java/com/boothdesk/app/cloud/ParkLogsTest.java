package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.ui.backoffice.BackOfficeModule;
import com.boothdesk.sdk.message.uplink.ParkLog;
import com.boothdesk.sdk.sim.ReceivedUplink;

/** 2.6 park_log: a change made in the back office reaches the cloud simulator over the real link as a log line. */
class ParkLogsTest {

    @TempDir
    Path data;

    @Test
    void aSettingChangedInTheBackOfficeGoesUpAsAParkLogWithItsAuditRow() throws Exception {
        try (RunningBooth booth = RunningBooth.start(data)) {
            var settings = BackOfficeModule.ports(booth.app).settings();
            settings.setMatchTolerance("3", "a1");
            await().atMost(RunningBooth.WAIT).until(() -> !booth.cloud().received("park_log").isEmpty());
            ReceivedUplink up = booth.cloud().received("park_log").get(0);
            assertThat(up.signValid()).isTrue();
            assertThat(up.data().path("data_target").asText()).isEqualTo("cloud");
            assertThat(up.data().path("content").asText()).isEqualTo("修改了 车牌匹配 match.min_matching: 3");
            assertThat(up.data().path("user_id").asText()).isEqualTo("a1");
            assertThat(up.data().path("log_id").asText()).matches("PL\\d+");
            assertThat(up.data().path("operate_time").asLong()).isPositive();
            settings.setMatchTolerance("3", "a1"); // unchanged: no audit row, no log
            settings.setMatchTolerance("4", "");
            await().atMost(RunningBooth.WAIT).until(() -> booth.cloud().received("park_log").size() == 2);
            assertThat(booth.cloud().received("park_log").get(1).data().path("user_id").asText()).isEqualTo("system");
        }
    }

    @Test
    void aLongChangeIsCutToTheNotesWidthsAndStillWritesStrictly() {
        ParkLog log = ParkLogs.message(12345678901234L, Instant.ofEpochSecond(1764000000), "x".repeat(40), "tariff",
                "fee.tariff t1", "{\"id\":\"t1\",\n \"periods\": [" + "1,".repeat(200) + "]}", "booth-1");
        assertThat(log.content()).hasSize(128).startsWith("修改了 收费标准 fee.tariff t1: {\"id\":\"t1\", \"periods\"")
                .endsWith("…");
        assertThat(log.userId()).hasSize(24);
        assertThat(log.toJson().path("log_id").asText()).isEqualTo("PL12345678901234");
        assertThat(ParkLog.fromJson(log.toJson())).isEqualTo(log);
    }
}
