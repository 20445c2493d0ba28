package com.boothdesk.devices.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.devices.sim.PtyPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.devices.util.Hex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commissioning commands through picocli, dry-run and over a pseudo-terminal to the simulated card. */
class DevicesCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-25T09:30:15Z"), ZoneOffset.ofHours(8));

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = DevicesCommand.commandLine(CLOCK);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void dryRunPrintsEveryFrameWithoutAPort() {
        assertThat(run("voice", "--dry-run", "--text", "欢迎光临,请入场停车")).isZero();
        assertThat(run("led", "--dry-run", "--line", "1", "--text", "欢迎光临")).isZero();
        assertThat(run("volume", "--dry-run", "10")).isZero();
        assertThat(run("gate", "--dry-run", "open")).isZero();
        assertThat(run("spaces", "--dry-run", "123")).isZero();
        assertThat(run("time-sync", "--dry-run")).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "00 64 FF FF 30 14 01 BB B6 D3 AD B9 E2 C1 D9 2C C7 EB C8 EB B3 A1 CD A3 B3 B5 A9 36",
                Hex.format(CardFrames.showText(0, 0, "欢迎光临").encode()),
                "00 64 FF FF 0D 01 0A 27 70",
                Hex.format(CardFrames.openGate(0).encode()),
                Hex.format(CardFrames.remainingSpaces(0, 123).encode()),
                Hex.format(CardFrames.syncTime(0, java.time.LocalDateTime.of(2025, 11, 25, 17, 30, 15)).encode()));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void addressMayBeHex() {
        assertThat(run("gate", "--dry-run", "--address", "0x1F", "keep-open")).isZero();
        assertThat(out.toString().trim()).isEqualTo(Hex.format(CardFrames.keepGateOpen(0x1F).encode()));
    }

    @Test
    void badArgumentsAreClearErrors() {
        assertThat(run("gate", "--dry-run", "sideways")).isEqualTo(2);
        assertThat(err.toString()).contains("open, close, keep-open or release");
        assertThat(run("led", "--dry-run", "--line", "9", "--text", "x")).isEqualTo(2);
        assertThat(run("volume", "--dry-run", "--address", "300", "5")).isNotZero();
        assertThat(run("voice", "--text", "no port")).isEqualTo(2);
        assertThat(err.toString()).contains("--port is required");
    }

    @Test
    void missingPortIsReported() {
        assertThat(run("gate", "--port", dir.resolve("ttyUSB9").toString(), "open")).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void sendsToTheCardAndReportsTheAck() throws Exception {
        try (PtyPair pty = PtyPair.open(dir.resolve("pty"));
             SimulatedLaneCard sim = new SimulatedLaneCard(
                     new JSerialCommLink(SerialSettings.of(pty.endB().toString())), 0)) {
            sim.start();
            assertThat(run("led", "--port", pty.endA().toString(), "--line", "2", "--text", "京A12345")).isZero();
            assertThat(run("gate", "--port", pty.endA().toString(), "--parity", "EVEN", "--baud", "19200", "open"))
                    .isZero();
            assertThat(out.toString()).contains("ACKED (ACK 0)");
            assertThat(sim.events()).containsExactly(new CardEvent.TextShown(1, "京A12345"),
                    new CardEvent.GateOpened(1));

            sim.setAnswering(false);
            assertThat(run("voice", "--port", pty.endA().toString(), "--timeout-ms", "300", "--text", "x"))
                    .isEqualTo(1);
            assertThat(out.toString()).contains("NO_ACK");
        }
    }

    @Test
    void portsListsWithoutFailing() {
        assertThat(run("ports")).isZero();
        assertThat(out.toString()).contains("pseudo-terminals");
    }
}
