package com.boothdesk.devices.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.sim.PtyPair;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jSerialComm driver over socat pseudo-terminals: bytes, typed errors, unplug and replug. */
class JSerialCommLinkTest {
    @TempDir
    Path dir;

    @Test
    void bytesFlowBothWaysIncludingZeroAndFf() throws Exception {
        try (PtyPair pty = PtyPair.open(dir);
             JSerialCommLink a = new JSerialCommLink(SerialSettings.of(pty.endA().toString()));
             JSerialCommLink b = new JSerialCommLink(SerialSettings.of(pty.endB().toString()))) {
            ByteArrayOutputStream atB = new ByteArrayOutputStream();
            ByteArrayOutputStream atA = new ByteArrayOutputStream();
            b.setReceiver(chunk -> {
                synchronized (atB) {
                    atB.writeBytes(chunk);
                }
            });
            a.setReceiver(chunk -> {
                synchronized (atA) {
                    atA.writeBytes(chunk);
                }
            });
            a.open();
            b.open();
            assertThat(a.state()).isEqualTo(LinkState.OPEN);
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) {
                all[i] = (byte) i;
            }
            a.write(all);
            b.write(new byte[] {0x00, (byte) 0xFF, 0x0D, 0x0A});
            await().atMost(Duration.ofSeconds(15)).until(() -> size(atB) == 256 && size(atA) == 4);
            synchronized (atB) {
                assertThat(atB.toByteArray()).isEqualTo(all);
            }
            synchronized (atA) {
                assertThat(atA.toByteArray()).containsExactly(0x00, 0xFF, 0x0D, 0x0A);
            }
        }
    }

    private static int size(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.size();
        }
    }

    @Test
    void missingPortIsATypedError() {
        JSerialCommLink link = new JSerialCommLink(SerialSettings.of(dir.resolve("nope").toString()));
        assertThatThrownBy(link::open).isInstanceOf(PortNotFoundException.class).hasMessageContaining("does not exist");
        assertThat(link.state()).isEqualTo(LinkState.FAILED);
        link.close();
        assertThat(link.state()).isEqualTo(LinkState.CLOSED);
    }

    @Test
    void writingToAClosedLinkIsATypedError() {
        JSerialCommLink link = new JSerialCommLink(SerialSettings.of("/dev/null-port"));
        assertThatThrownBy(() -> link.write(new byte[] {1})).isInstanceOf(SerialIoException.class);
    }

    @Test
    void unplugIsNoticedAndReplugReconnectsWithinTwoSeconds() throws Exception {
        Path ptyDir = dir.resolve("pty");
        PtyPair pty = PtyPair.open(ptyDir);
        List<LinkState> states = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream atA = new ByteArrayOutputStream();
        try (JSerialCommLink a = new JSerialCommLink(SerialSettings.of(pty.endA().toString()))) {
            a.addStateListener(states::add);
            a.setReceiver(chunk -> {
                synchronized (atA) {
                    atA.writeBytes(chunk);
                }
            });
            a.open();
            pty.close(); // the "adapter" is pulled out: socat dies, the links vanish
            await().atMost(Duration.ofSeconds(3)).until(() -> a.state() == LinkState.RECONNECTING);
            assertThatThrownBy(() -> a.write(new byte[] {1})).isInstanceOf(SerialIoException.class);

            try (PtyPair back = PtyPair.open(ptyDir);
                 JSerialCommLink b = new JSerialCommLink(SerialSettings.of(back.endB().toString()))) {
                long pluggedAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(10)).until(() -> a.state() == LinkState.OPEN);
                long tookMs = (System.nanoTime() - pluggedAt) / 1_000_000;
                assertThat(tookMs).isLessThan(2000);
                b.open();
                b.write(new byte[] {0x42});
                await().atMost(Duration.ofSeconds(3)).until(() -> size(atA) == 1);
            }
        }
        assertThat(states).containsSubsequence(LinkState.OPEN, LinkState.RECONNECTING, LinkState.OPEN,
                LinkState.CLOSED);
    }

    @Test
    void openInBackgroundWaitsForTheAdapterToAppear() throws Exception {
        Path ptyDir = dir.resolve("later");
        try (JSerialCommLink a = new JSerialCommLink(SerialSettings.of(ptyDir.resolve("ttyA").toString()))) {
            a.openInBackground();
            assertThat(a.state()).isEqualTo(LinkState.RECONNECTING);
            try (PtyPair pty = PtyPair.open(ptyDir)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> a.state() == LinkState.OPEN);
            }
        }
    }
}
