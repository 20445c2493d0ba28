package com.boothdesk.sdk.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.wire.Envelope;
import com.boothdesk.sdk.wire.WireCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The login's signed fields, wire.log masking and the reconnect schedule of {@link TcpCloudLink}. */
class LinkSessionTest {

    static final String SECRET = "EA2D90FEEF1E9F8E";
    /** The data of the SDK 2.1.0.0 login captured in the notes (§1.4, daiybh/Park_Cloud json_test.go). */
    static final String CAPTURED_LOGIN_DATA = "{\"union_id\":\"200128\",\"park_id\":\"24155\",\"local_id\":"
            + "\"c61562ee71b6_2.1.0.0_channels_1_2_3_4_5_6_7_8_9_10_11_12_13_14_15_16\",\"version\":\"2.1.0.0\"}";
    /** The data of the HTTP-mode login example of the notes (§1.6, no version). */
    static final String HTTP_LOGIN_DATA = "{\"union_id\":\"200208\",\"park_id\":\"21835\",\"local_id\":"
            + "\"0071cc97102b_1001_qh321_quanhao-atest1\"}";

    static TcpCloudLink link(TcpLinkSettings s, CloudCredentials c) {
        return new TcpCloudLink(s, c, Clock.systemUTC());
    }

    @Test
    void theLoginOfSdkVersion2100SignsExactlyTheCapturedData() throws Exception {
        CloudCredentials c = new CloudCredentials("200128", "24155",
                "c61562ee71b6_2.1.0.0_channels_1_2_3_4_5_6_7_8_9_10_11_12_13_14_15_16", SECRET);
        TcpCloudLink l = link(TcpLinkSettings.defaults("127.0.0.1", 6789)
                .withLogin(TcpLinkSettings.LoginFields.sdkVersion("2.1.0.0")), c);
        try (l) {
            Envelope env = WireCodec.parseEnvelope(l.loginLine());
            // byte for byte the signed text of the capture: with the site's secret the sign is the capture's
            // 15E3DF039F5A02BB1A17316976DE8A51 (that secret is not public, so the test signs with a known one)
            assertThat(env.rawData()).isEqualTo(CAPTURED_LOGIN_DATA);
            assertThat(env.token()).isNull();
            // printf '%s' '<CAPTURED_LOGIN_DATA>key=EA2D90FEEF1E9F8E' | md5sum
            assertThat(env.sign()).isEqualTo("FFE9E893C4B0882150DB04169011F56C");
            assertThat(l.loginLine()).isEqualTo("{\"service_name\":\"login\",\"sign\":\"FFE9E893C4B0882150DB04169011F56C"
                    + "\",\"data\":" + CAPTURED_LOGIN_DATA + "}");
        }
    }

    @Test
    void byDefaultTheLoginCarriesOnlyUnionParkAndLocalId() throws Exception {
        CloudCredentials c = new CloudCredentials("200208", "21835", "0071cc97102b_1001_qh321_quanhao-atest1",
                SECRET);
        try (TcpCloudLink l = link(TcpLinkSettings.defaults("127.0.0.1", 6789), c)) {
            Envelope env = WireCodec.parseEnvelope(l.loginLine());
            assertThat(env.rawData()).isEqualTo(HTTP_LOGIN_DATA).doesNotContain("version");
            // printf '%s' '<HTTP_LOGIN_DATA>key=EA2D90FEEF1E9F8E' | md5sum
            assertThat(env.sign()).isEqualTo("6A4DFA3C3A5F97466FCB0A19D31EF9EF");
        }
    }

    @Test
    void extraLoginFieldsOnlyWhereConfiguredAndAfterTheIdentity() throws Exception {
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("receive_cloud", "1");
        CloudCredentials c = new CloudCredentials("200128", "24155", "b1", SECRET);
        try (TcpCloudLink l = link(TcpLinkSettings.defaults("127.0.0.1", 6789)
                .withLogin(new TcpLinkSettings.LoginFields("4.2.0.0", extras)), c)) {
            assertThat(WireCodec.parseEnvelope(l.loginLine()).rawData()).isEqualTo(
                    "{\"union_id\":\"200128\",\"park_id\":\"24155\",\"local_id\":\"b1\",\"version\":\"4.2.0.0\","
                            + "\"receive_cloud\":\"1\"}");
        }
    }

    @Test
    void theSimulatorAcceptsEveryLoginVariant() throws Exception {
        for (TcpLinkSettings.LoginFields f : List.of(TcpLinkSettings.LoginFields.plain(),
                TcpLinkSettings.LoginFields.sdkVersion("2.1.0.0"))) {
            try (CloudSimulator sim = new CloudSimulator(CloudSimSettings.of("200128", "24155", SECRET))) {
                sim.start();
                try (TcpCloudLink l = link(TcpLinkSettings.defaults("127.0.0.1", sim.port()).withLogin(f),
                        new CloudCredentials("200128", "24155", "b1", SECRET))) {
                    l.start();
                    await().atMost(Duration.ofSeconds(10)).until(() -> l.status() == LinkStatus.LOGGED_IN);
                }
            }
        }
    }

    @Test
    void wireLogMasksSignAndTokenUnlessCommissioning() throws Exception {
        Logger wire = (Logger) LoggerFactory.getLogger("boothdesk.wire");
        Level before = wire.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        wire.addAppender(captured);
        wire.setLevel(Level.DEBUG);
        try {
            for (boolean show : new boolean[] {false, true}) {
                captured.list.clear();
                try (CloudSimulator sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET))) {
                    sim.start();
                    try (TcpCloudLink l = link(TcpLinkSettings.defaults("127.0.0.1", sim.port()).withWireSecrets(show),
                            new CloudCredentials("200002", "21835", "b1", SECRET))) {
                        l.start();
                        await().atMost(Duration.ofSeconds(10)).until(() -> l.status() == LinkStatus.LOGGED_IN);
                        l.send(WireCodec.MAPPER.createObjectNode().put("service_name", "park_log")
                                .put("data_target", "cloud").put("log_id", "L1").put("content", "a\nb"))
                                .get(5, TimeUnit.SECONDS);
                        String token = l.currentToken().orElseThrow();
                        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage)
                                .filter(m -> m.startsWith(">>") || m.startsWith("<<")).toList();
                        assertThat(lines).anyMatch(m -> m.contains("park_log"));
                        assertThat(lines).allMatch(m -> !m.contains("\n"));
                        if (show) {
                            assertThat(lines).anyMatch(m -> m.contains(token));
                        } else {
                            assertThat(lines).noneMatch(m -> m.contains(token.substring(0, 20)));
                            assertThat(lines).filteredOn(m -> m.contains("\"sign\"")).isNotEmpty()
                                    .allMatch(m -> m.matches(".*\"sign\":\"\\*\\*\\*[0-9A-F]{4}\".*"));
                        }
                    }
                }
            }
        } finally {
            wire.detachAppender(captured);
            wire.setLevel(before);
        }
    }

    @Test
    void reconnectIsQuickWhileTheCloudIsUnreachableAndBacksOffOnlyWhenItRefuses() {
        try (TcpCloudLink l = link(TcpLinkSettings.defaults("127.0.0.1", 6789),
                new CloudCredentials("1", "2", "3", "4"))) {
            for (int round = 0; round < 200; round++) {
                // unreachable: 250 ms, 500 ms, 1 s, then at most 1.5 s for ever (70..100 % with jitter)
                assertThat(l.reconnectDelayMillis(1, false, 0)).isBetween(175L, 250L);
                assertThat(l.reconnectDelayMillis(2, false, 0)).isBetween(350L, 500L);
                assertThat(l.reconnectDelayMillis(3, false, 0)).isBetween(700L, 1000L);
                for (int f : new int[] {4, 10, 100, 10_000}) {
                    assertThat(l.reconnectDelayMillis(f, false, 0)).isBetween(1050L, 1500L);
                }
                // counted from the start of the attempt: a 1.5 s connect timeout is not waited for twice
                assertThat(l.reconnectDelayMillis(10, false, TimeUnit.MILLISECONDS.toNanos(1500))).isEqualTo(1L);
                // refused by the cloud's application: 1.5 s doubling to 60 s
                assertThat(l.reconnectDelayMillis(1, true, 0)).isBetween(1050L, 1500L);
                assertThat(l.reconnectDelayMillis(3, true, 0)).isBetween(4200L, 6000L);
                assertThat(l.reconnectDelayMillis(20, true, 0)).isBetween(42_000L, 60_000L);
            }
        }
    }

    @Test
    void afterAnOutageTheLinkIsBackWithinTwoSecondsOfTheCloud() throws Exception {
        try (CloudSimulator sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET))) {
            sim.start();
            try (TcpCloudLink l = link(TcpLinkSettings.defaults("127.0.0.1", sim.port()),
                    new CloudCredentials("200002", "21835", "b1", SECRET))) {
                l.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> l.status() == LinkStatus.LOGGED_IN);
                sim.stop();
                // long enough for the old schedule (1, 2, 4 s …) to be at an 8 s wait
                await().atMost(Duration.ofSeconds(30)).until(() -> l.connectAttempts() >= 7);
                sim.start();
                long t0 = System.nanoTime();
                await().atMost(Duration.ofSeconds(10)).until(() -> l.status() == LinkStatus.LOGGED_IN);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertThat(ms).isLessThanOrEqualTo(2000);
            }
        }
    }
}
