package com.boothdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.devices.sim.PtyPair;

/**
 * The booth as the operating system sees it, in its own JVM: one instance per data folder, and SIGTERM stops
 * everything it started (the socat processes behind the simulated cards included), closes the database and logs
 * the stop.
 */
class LifecycleTest {

    @TempDir
    Path data;

    @Test
    void aSecondStartIsRefusedAndSigtermLeavesNothingBehind() throws Exception {
        Path log = data.resolve("logs/boothdesk.log");
        Process booth = start("first.out", "--set", "demo.enabled=false");
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> read(log).contains("BoothDesk is running"));
            List<ProcessHandle> children = booth.descendants().toList();
            if (PtyPair.socatAvailable()) {
                assertThat(children).as("socat behind the two simulated cards")
                        .filteredOn(h -> h.info().command().orElse("").endsWith("socat")).hasSize(2);
            }

            Process second = start("second.out");
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = read(data.resolve("second.out"));
            assertThat(second.exitValue()).as(out).isEqualTo(5);
            assertThat(out).contains("already running").contains("pid " + booth.pid())
                    .contains(data.toAbsolutePath().toString());

            booth.destroy(); // SIGTERM
            assertThat(booth.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            for (ProcessHandle child : children) {
                assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("child %s", child.pid()).isFalse();
            }
            assertThat(read(log)).contains("Stopping the booth: JVM shutdown").contains("Closed database")
                    .contains("BoothDesk stopped").contains("booth stopped");
            assertThat(data.resolve("boothdesk.pid")).doesNotExist();
        } finally {
            booth.destroyForcibly();
        }
    }

    private Process start(String out, String... extra) throws IOException {
        String logback;
        try {
            logback = Path.of(LifecycleTest.class.getResource("/logback.xml").toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(javaBin(), "-cp", classPath(),
                "-Dboothdesk.logs=" + data.resolve("logs"), "-Dlogback.configurationFile=" + logback,
                "com.boothdesk.app.Main", "run", "--data", data.toString(), "--headless"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve(out).toFile()).start();
    }

    private static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }
}
