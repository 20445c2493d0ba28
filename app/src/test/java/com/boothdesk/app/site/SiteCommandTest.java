package com.boothdesk.app.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.sdk.outbox.JdbcOutbox;

import picocli.CommandLine;

/** {@code boothdesk site check|init|status} against a real PostgreSQL: reach, refuse, create the schema, booths. */
class SiteCommandTest {

    @TempDir
    Path data;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        CommandLine cl = SiteCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkInitAndStatusOfANewSiteDatabase() {
        String url = SitePostgres.freshDatabase();
        String dir = data.toString();
        Run check = run("check", "--data", dir, "--url", url, "--user", SitePostgres.USER);
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("connected").contains("PostgreSQL").contains("schema: none yet");

        Run init = run("init", "--data", dir, "--url", url, "--user", SitePostgres.USER);
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("up to date").containsPattern("schema: \\d+ migrations, last V\\d+");

        // two booths: B1 looks for cloud work now (connected), B2 did long ago (gone); B1 wrote one message
        Instant now = Instant.parse("2026-11-25T08:00:00Z");
        try (Database db = Database.connect(url, SitePostgres.USER, "", 2)) {
            JdbcOutbox b2 = new JdbcOutbox(db.dataSource(), Clock.fixed(now.minus(Duration.ofHours(1)),
                    ZoneOffset.UTC), "B2", Duration.ofSeconds(30));
            b2.claim(now.minus(Duration.ofHours(1)), 10);
            JdbcOutbox b1 = new JdbcOutbox(db.dataSource(), Clock.fixed(now, ZoneOffset.UTC), "B1",
                    Duration.ofSeconds(30));
            JdbcOrderRepository orders = new JdbcOrderRepository(db, new CloudBridge(b1, "B1"));
            orders.recordEntry(ParkingOrder.entered(orders.nextOrderId("E1", now), "京A12345", "small", "E1", now,
                    "op", null), 0);
            b1.claim(now, 10);
        }
        SiteCommand.Status status = new SiteCommand.Status();
        status.clock = Clock.fixed(now.plusSeconds(5), ZoneOffset.UTC);
        CommandLine cl = new CommandLine(status);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("--data", dir, "--url", url, "--user", SitePostgres.USER);
        assertThat(code).isZero();
        assertThat(out.toString()).contains("booths: 2 known, 1 connected")
                .contains("B1: 在线 / connected, undelivered 1")
                .contains("B2: 离线 / gone since about 2026-11-25T07:00:30Z, undelivered 0")
                .contains("cars inside: 1 (space counters: 1)")
                .doesNotContain("京A12345");
    }

    @Test
    void aWrongPasswordAndAMissingDatabaseAndNoSettingsEachSaySo() {
        String url = SitePostgres.freshDatabase();
        // the URL of the embedded server names its user after '?': the database name sits before it
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Run missing = run("check", "--data", data.toString(), "--url", base + "_nope", "--user",
                SitePostgres.USER);
        assertThat(missing.code()).as(missing.err()).isEqualTo(SiteCommand.UNREACHABLE);
        assertThat(missing.err()).contains("does not exist").contains("site init");

        Run refused = run("check", "--data", data.toString(), "--url", base, "--user", "nobody");
        assertThat(refused.code()).as(refused.err()).isEqualTo(SiteCommand.REFUSED);
        assertThat(refused.err()).contains("refused the user").contains("as nobody");

        Run none = run("check", "--data", data.toString());
        assertThat(none.code()).isEqualTo(SiteCommand.BAD_SETTINGS);
        assertThat(none.err()).contains("no site database");

        Run closedPort = run("check", "--data", data.toString(), "--url", "jdbc:postgresql://127.0.0.1:1/x",
                "--user", "u");
        assertThat(closedPort.code()).isEqualTo(SiteCommand.UNREACHABLE);
        assertThat(closedPort.err()).contains("cannot connect");

        Run bad = run("check", "--data", data.toString(), "--url", "jdbc:mysql://x/y", "--user", "u");
        assertThat(bad.code()).isEqualTo(SiteCommand.BAD_SETTINGS);
        assertThat(bad.err()).contains("store.url");
    }
}
