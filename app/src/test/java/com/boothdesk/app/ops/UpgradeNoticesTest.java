package com.boothdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** 3.33 through the router and the real H2: answered as the notes show, remembered until the version runs. */
class UpgradeNoticesTest {

    @TempDir
    Path dir;

    private static ObjectNode notice(String requestNo, String content) {
        ObjectNode n = WireCodec.MAPPER.createObjectNode();
        n.put("service_name", "update_park_soft");
        n.put("local_id", "d09466f19cfe_2020_channels_A1_A2");
        n.put("request_no", requestNo);
        n.put("union_id", 200265);
        n.put("park_id", "28888");
        n.put("update_content", content);
        return n;
    }

    @Test
    void aNoticeIsAnsweredKeptAcrossRestartsAndClearedWhenItsVersionRuns() {
        try (Database db = Database.open(dir)) {
            DownlinkRouter router = new DownlinkRouter();
            UpgradeNotices notices = new UpgradeNotices(db, Clock.systemUTC(), "0.1.0");
            notices.register(router);
            ObjectNode reply = router.apply(notice("update_park_soft1565334385054",
                    "BoothDesk 0.2.0 已发布\u0007, 下载: https://example.cn/boothdesk/0.2.0.msi 请在交班后安装"));
            assertThat(reply.path("state").asInt()).isEqualTo(1);
            assertThat(reply.path("request_no").asText()).isEqualTo("update_park_soft1565334385054");
            assertThat(reply.path("data_target").asText()).isEqualTo("bolink");
            assertThat(reply.path("errmsg").asText()).isEqualTo("下发收费系统升级通知成功!");
            assertThat(notices.pending().get()).singleElement().satisfies(n -> {
                assertThat(n.version()).isEqualTo("0.2.0");
                assertThat(n.url()).isEqualTo("https://example.cn/boothdesk/0.2.0.msi");
                assertThat(n.content()).doesNotContain("\u0007");
            });
            router.apply(notice("update_park_soft1565334385054", "again"));
            assertThat(notices.pending().get()).as("the same request twice is one notice").hasSize(1);
            router.apply(notice("r2", "一般维护通知, 无版本"));
        }
        try (Database db = Database.open(dir)) {
            assertThat(new UpgradeNotices(db, Clock.systemUTC(), "0.1.0").pending().get())
                    .as("remembered after a restart").hasSize(2);
        }
        try (Database db = Database.open(dir)) {
            assertThat(new UpgradeNotices(db, Clock.systemUTC(), "0.2.0").pending().get())
                    .as("0.2.0 installed: both cleared (the versionless one by the change of version)").isEmpty();
        }
    }

    @Test
    void aNoticeWithoutRequestNoIsRefused() {
        try (Database db = Database.open(dir)) {
            DownlinkRouter router = new DownlinkRouter();
            UpgradeNotices notices = new UpgradeNotices(db, Clock.systemUTC(), "0.1.0");
            notices.register(router);
            assertThat(router.apply(notice("", "x")).path("state").asInt()).isZero();
            assertThat(notices.pending().get()).isEmpty();
        }
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(UpgradeNotices.compare("0.10.0", "0.9.1")).isPositive();
        assertThat(UpgradeNotices.compare("1.0", "1.0.0")).isZero();
        assertThat(UpgradeNotices.compare("(development build)", "0.1.0")).isNegative();
    }
}
