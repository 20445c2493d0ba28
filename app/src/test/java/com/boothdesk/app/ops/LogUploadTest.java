package com.boothdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxEntry;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** 3.32 through the router, the real log folder and H2's outbox: the period's files zipped, 2.32 stored once. */
class LogUploadTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-12-01 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW, SHANGHAI);

    private static ObjectNode request(String requestNo, Object begin, Object end) {
        ObjectNode n = WireCodec.MAPPER.createObjectNode();
        n.put("service_name", "upload_park_log");
        n.put("park_id", "28888");
        n.put("request_no", requestNo);
        if (begin instanceof Long l) {
            n.put("begin_time", l);
        } else if (begin != null) {
            n.put("begin_time", begin.toString());
        }
        if (end instanceof Long l) {
            n.put("end_time", l);
        } else if (end != null) {
            n.put("end_time", end.toString());
        }
        return n;
    }

    private Path log(String name, String text, Instant modified) throws IOException {
        Path p = dir.resolve("logs").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, FileTime.from(modified));
        return p;
    }

    @Test
    void theLogsOfTheAskedPeriodAreZippedAndAnsweredWithUploadFileOnce() throws Exception {
        log("boothdesk.log", "today's lines\n", NOW.minusSeconds(5));
        log("wire.log", "today's wire\n", NOW.minusSeconds(9));
        log("boothdesk.2026-11-30.0.log.gz", "yesterday", Instant.parse("2026-11-30T15:59:00Z"));
        log("wire.2026-11-30.1.log.gz", "yesterday's wire", Instant.parse("2026-11-30T15:58:00Z"));
        log("boothdesk.2026-11-20.0.log.gz", "too old", Instant.parse("2026-11-20T15:59:00Z"));
        log("notes.txt", "not a log", NOW);
        try (Database db = Database.open(dir.resolve("db"))) {
            JdbcOutbox outbox = new JdbcOutbox(db.dataSource(), clock);
            DownlinkRouter router = new DownlinkRouter();
            LogUpload up = new LogUpload(dir.resolve("logs"), outbox, OpsSettings.defaults(), clock, SHANGHAI,
                    Runnable::run);
            List<LogUpload.Result> done = Collections.synchronizedList(new ArrayList<>());
            up.onDone(done::add);
            int[] woken = {0};
            up.onUplinkStored(() -> woken[0]++);
            up.register(router);

            ObjectNode reply = router.apply(request("upload_park_log15781293129381", "2026-11-30 00:00:00",
                    NOW.getEpochSecond()));
            assertThat(reply.path("state").asInt()).isEqualTo(1);
            assertThat(reply.path("request_no").asText()).isEqualTo("upload_park_log15781293129381");
            assertThat(reply.path("service_name").asText()).isEqualTo("upload_park_log");

            List<OutboxEntry> uploads = outbox.recent(10).stream()
                    .filter(e -> e.serviceName().equals("upload_file")).toList();
            assertThat(uploads).hasSize(1);
            assertThat(woken[0]).isEqualTo(1);
            ObjectNode json = (ObjectNode) WireCodec.MAPPER.readTree(uploads.get(0).json());
            assertThat(json.path("data_target").asText()).isEqualTo("bolink");
            assertThat(json.path("url").asText()).isEqualTo("http://s.bolink.club/web/parkAferSale/uploadFile");
            Path zip = Path.of(json.path("filepath").asText());
            assertThat(zip).isAbsolute().exists().isEqualTo(done.get(0).zip().toAbsolutePath());
            assertThat(entries(zip)).containsExactlyInAnyOrder("boothdesk.log", "wire.log",
                    "boothdesk.2026-11-30.0.log.gz", "wire.2026-11-30.1.log.gz", "manifest.txt");
            assertThat(text(zip, "boothdesk.log")).isEqualTo("today's lines\n");
            assertThat(text(zip, "manifest.txt")).contains("request_no: upload_park_log15781293129381")
                    .contains("2026-11-30T00:00");

            // the cloud resends the request: answered again, nothing zipped or uploaded twice
            assertThat(router.apply(request("upload_park_log15781293129381", null, null)).path("state").asInt())
                    .isEqualTo(1);
            assertThat(outbox.recent(10).stream().filter(e -> e.serviceName().equals("upload_file"))).hasSize(1);
            assertThat(done).hasSize(1);
        }
    }

    @Test
    void withoutAPeriodTheLastDayGoesAndTheSizeCapLeavesTheOldestOut() throws Exception {
        log("boothdesk.log", "x".repeat(700_000), NOW.minusSeconds(1));
        log("boothdesk.2026-11-30.0.log.gz", "y".repeat(700_000), NOW.minusSeconds(7200));
        log("boothdesk.2026-11-29.0.log.gz", "z", NOW.minusSeconds(86_400 * 2));
        java.util.Properties p = new java.util.Properties();
        p.setProperty("ops.log_upload_max_mb", "1");
        p.setProperty("ops.log_upload_url", "https://logs.example.cn/upload");
        try (Database db = Database.open(dir.resolve("db"))) {
            JdbcOutbox outbox = new JdbcOutbox(db.dataSource(), clock);
            DownlinkRouter router = new DownlinkRouter();
            LogUpload up = new LogUpload(dir.resolve("logs"), outbox, OpsSettings.from(p), clock, SHANGHAI,
                    Runnable::run);
            List<LogUpload.Result> done = new ArrayList<>();
            up.onDone(done::add);
            up.register(router);
            ObjectNode data = WireCodec.MAPPER.createObjectNode().put("service_name", "upload_park_log");
            data.putObject("data").put("request_no", "r-2");
            assertThat(router.apply(data).path("state").asInt()).isEqualTo(1);
            LogUpload.Result r = done.get(0);
            assertThat(r.files()).containsExactly("boothdesk.log");
            assertThat(r.skipped()).as("over 1 MB: the older file is left out, named in the manifest")
                    .containsExactly("boothdesk.2026-11-30.0.log.gz");
            assertThat(text(r.zip(), "manifest.txt")).contains("boothdesk.2026-11-30.0.log.gz");
            assertThat(outbox.recent(1).get(0).json()).contains("https://logs.example.cn/upload");
        }
    }

    @Test
    void badRequestsGetAStateZeroWithTheReason() throws Exception {
        try (Database db = Database.open(dir.resolve("db"))) {
            JdbcOutbox outbox = new JdbcOutbox(db.dataSource(), clock);
            DownlinkRouter router = new DownlinkRouter();
            new LogUpload(dir.resolve("logs"), outbox, OpsSettings.defaults(), clock, SHANGHAI, Runnable::run)
                    .register(router);
            ObjectNode noNo = router.apply(request("", null, null));
            assertThat(noNo.path("state").asInt()).isZero();
            assertThat(noNo.path("errmsg").asText()).contains("request_no");
            ObjectNode badTime = router.apply(request("r1", "yesterday\u0007", null));
            assertThat(badTime.path("state").asInt()).isZero();
            assertThat(badTime.path("errmsg").asText()).contains("时间格式错误").doesNotContain("\u0007");
            assertThat(router.apply(request("r2", NOW.getEpochSecond(), NOW.minusSeconds(60).getEpochSecond()))
                    .path("errmsg").asText()).contains("晚于");
            assertThat(router.apply(request("r3", "2026-01-01", "2026-12-01")).path("errmsg").asText())
                    .contains("超过");
            assertThat(outbox.countUndelivered()).isZero();
        }
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                out.add(e.getName());
            }
        }
        return out;
    }

    private static String text(Path zip, String name) throws IOException {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in " + zip);
    }
}
