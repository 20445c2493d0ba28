package com.boothdesk.devices.card;

import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialLink;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.sim.PtyPair;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lane-card contract over the real jSerialComm driver: host and simulated card each open one end of a socat
 * pseudo-terminal pair; unplugging kills socat (both device nodes vanish) and replugging starts a new one.
 */
class LaneCardOverPtyTest extends LaneCardContract {
    @TempDir
    Path dir;

    @Override
    Line createLine() throws Exception {
        Path ptyDir = dir.resolve("pty");
        PtyPair first = PtyPair.open(ptyDir);
        JSerialCommLink host = new JSerialCommLink(SerialSettings.of(first.endA().toString()));
        JSerialCommLink far = new JSerialCommLink(SerialSettings.of(first.endB().toString()));
        return new Line() {
            PtyPair pty = first;

            @Override
            public SerialLink host() {
                return host;
            }

            @Override
            public SerialLink far() {
                return far;
            }

            @Override
            public void unplug() {
                pty.close();
            }

            @Override
            public void replug() throws Exception {
                pty = PtyPair.open(ptyDir);
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
                        .until(() -> far.state() == com.boothdesk.devices.serial.LinkState.OPEN);
            }

            @Override
            public void close() {
                pty.close();
            }
        };
    }
}
