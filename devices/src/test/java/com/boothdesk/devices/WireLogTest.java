package com.boothdesk.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.ZhenshiPushServer;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.sim.PtyPair;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Raw serial bytes (hex) and camera JSON (images elided) go to the "boothdesk.wire" logger. */
class WireLogTest {
    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> wire = new ListAppender<>();
    private Logger wireLogger;
    private Level before;

    @BeforeEach
    void attach() {
        wireLogger = (Logger) LoggerFactory.getLogger("boothdesk.wire");
        before = wireLogger.getLevel();
        wireLogger.setLevel(Level.DEBUG);
        wire.start();
        wireLogger.addAppender(wire);
    }

    @AfterEach
    void detach() {
        wireLogger.detachAppender(wire);
        wireLogger.setLevel(before);
    }

    private String lines() {
        return wire.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    }

    @Test
    void serialBytesAreLoggedAsHexBothWays() throws Exception {
        try (PtyPair pty = PtyPair.open(dir);
             JSerialCommLink a = new JSerialCommLink(SerialSettings.of(pty.endA().toString()));
             JSerialCommLink b = new JSerialCommLink(SerialSettings.of(pty.endB().toString()))) {
            a.open();
            b.open();
            a.write(CardFrames.openGate(0).encode());
            await().atMost(Duration.ofSeconds(15)).until(() -> lines().contains("rx " + pty.endB()));
            assertThat(lines()).contains("tx " + pty.endA() + " 00 64 FF FF 0F 06 01 01 00 00 00 01");
        }
    }

    @Test
    void cameraJsonIsLoggedWithoutTheImages() throws Exception {
        Clock clock = Clock.systemUTC();
        try (ZhenshiPushServer server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0), x -> true,
                e -> CameraReply.open(List.of()), clock)) {
            server.start();
            new SimulatedZhenshiCamera(URI.create("http://127.0.0.1:" + server.port() + "/p"), "SN-W", "1.2.3.4",
                    clock).push("京A12345");
            await().atMost(Duration.ofSeconds(15)).until(() -> lines().contains("Response_AlarmInfoPlate"));
            String log = lines();
            assertThat(log).contains("\"license\":\"京A12345\"").contains("base64 chars>");
            assertThat(log.length()).isLessThan(5000);
            assertThat(log).contains("\"info\":\"ok\"");
        }
    }
}
