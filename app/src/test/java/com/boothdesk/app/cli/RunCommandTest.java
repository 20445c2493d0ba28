package com.boothdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.outbox.DeliveryStatus;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * {@code boothdesk run} as a newcomer starts it: the demo, in its own JVM (JavaFX starts once per process), off-screen.
 * It must come up, move cars, deliver their uplinks to the simulator, write a screenshot and stop cleanly.
 */
class RunCommandTest {

    @TempDir
    Path data;

    @Test
    void theDemoRunsEndToEndAndStopsCleanly() throws Exception {
        Path shot = data.resolve("shot.png");
        // the application's own logging configuration, not the tests' (which the test class path puts first)
        String logback = Path.of(RunCommandTest.class.getResource("/logback.xml").toURI()).toString();
        Process p = new ProcessBuilder(javaBin(), "-cp", classPath(), "-Dboothdesk.logs=" + data.resolve("logs"),
                "-Dlogback.configurationFile=" + logback,
                "com.boothdesk.app.Main", "run", "--data", data.toString(), "--headless",
                "--set", "demo.entry_interval_seconds=1", "--set", "demo.exit_interval_seconds=2",
                "--screenshot", shot.toString(), "--screenshot-after", "6", "--exit-after", "12")
                .redirectErrorStream(true).redirectOutput(data.resolve("run.out").toFile()).start();
        boolean ended = p.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(data.resolve("run.out"), StandardCharsets.UTF_8);
        assertThat(ended).as("run stopped by itself; output:%n%s", out).isTrue();
        assertThat(p.exitValue()).as("exit code; output:%n%s", out).isZero();
        assertThat(shot).isRegularFile();
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        try (Database db = Database.open(data.resolve("db"))) {
            long orders = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM parking_order")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(orders).as("seeded and demo orders").isGreaterThan(12);
            var counts = new JdbcOutbox(db.dataSource(), Clock.systemUTC()).countByStatus();
            assertThat(counts.getOrDefault(DeliveryStatus.ACKNOWLEDGED, 0L)).as("uplinks acknowledged by the simulator")
                    .isGreaterThan(0);
        }
        assertThat(Files.readString(data.resolve("logs/boothdesk.log"), StandardCharsets.UTF_8))
                .contains("BoothDesk is running").contains("BoothDesk stopped");
        assertThat(data.resolve("logs/wire.log")).isRegularFile();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() throws IOException {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }

}
