package com.boothdesk.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.wire.WireCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CloudSimCommandTest {

    @Test
    void runsTheSimulatorAndPlaysScenariosAgainstABooth() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new CloudSimCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("--port", "0",
                "--union-id", "200002", "--park-id", "21835", "--secret", "S3CRET", "--scenario", "gate-open,lock", "--channel", "B2", "--order-id", "B2_1",
                "--exit-when-done", "--wait-for-booth", "PT20S"));
        Pattern p = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
        await().atMost(Duration.ofSeconds(10)).until(() -> p.matcher(out.toString()).find());
        Matcher m = p.matcher(out.toString());
        assertThat(m.find()).isTrue();
        int port = Integer.parseInt(m.group(1));
        try (TcpCloudLink link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", port),
                new CloudCredentials("200002", "21835", "booth", "S3CRET"), Clock.systemUTC())) {
            link.setDownlinkHandler(d -> WireCodec.MAPPER.createObjectNode().put("state", 1).put("errmsg", "ok"));
            link.start();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        }
        assertThat(out.toString()).contains("booth logged in; playing [gate-open, lock]")
                .contains("gate-open: answered {\"service_name\":\"operate_liftrod\"")
                .contains("lock: answered {\"service_name\":\"lock_car\"").contains("\"order_id\":\"B2_1\"");
    }

    @Test
    void theDefaultsAreTheBoothsSoATcpBoothPairsWithoutOptions() throws Exception {
        java.util.Properties booth = new java.util.Properties();
        try (var r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("..", "resources", "config",
                "boothdesk.properties"), java.nio.charset.StandardCharsets.UTF_8)) {
            booth.load(r);
        }
        assertThat(CloudSimCommand.DEFAULT_UNION_ID).isEqualTo(booth.getProperty("cloud.union_id"));
        assertThat(CloudSimCommand.DEFAULT_PARK_ID).isEqualTo(booth.getProperty("cloud.park_id"));
        assertThat(CloudSimCommand.DEFAULT_SECRET).isEqualTo(booth.getProperty("cloud.secret"));

        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new CloudSimCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("--port", "0",
                "--scenario", "gate-open", "--exit-when-done", "--wait-for-booth", "PT20S"));
        Pattern p = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
        await().atMost(Duration.ofSeconds(10)).until(() -> p.matcher(out.toString()).find());
        Matcher m = p.matcher(out.toString());
        assertThat(m.find()).isTrue();
        int port = Integer.parseInt(m.group(1));
        assertThat(out.toString()).contains("--set cloud.mode=tcp --set cloud.host=127.0.0.1 --set cloud.port=" + port
                + System.lineSeparator());
        try (TcpCloudLink link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", port),
                new CloudCredentials(booth.getProperty("cloud.union_id"), booth.getProperty("cloud.park_id"),
                        booth.getProperty("cloud.local_id"), booth.getProperty("cloud.secret")), Clock.systemUTC())) {
            link.setDownlinkHandler(d -> WireCodec.MAPPER.createObjectNode().put("state", 1));
            link.start();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        }
        assertThat(out.toString()).contains("booth logged in").doesNotContain("车场不存在");
    }

    @Test
    void anUnknownScenarioIsRefused() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new CloudSimCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        assertThat(cl.execute("--port", "0", "--scenario", "teleport", "--exit-when-done")).isEqualTo(2);
        assertThat(out.toString()).contains("unknown scenario teleport");
    }
}
