package com.boothdesk.devices.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.devices.sim.PacedLine;
import com.boothdesk.devices.sim.PtyPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lane card on a pty whose card side is paced at 9600 baud 8N1 ({@link PacedLine}), so frames take their real
 * wire time: the gate frame's latency bound while an LED text is in progress (issue 10).
 */
class LaneCardPacedLineTest {
    private static final int BAUD = 9600;
    private static final double MS_PER_BYTE = 10_000.0 / BAUD;
    @TempDir
    Path dir;
    private PtyPair pty;
    private JSerialCommLink host;
    private SimulatedLaneCard sim;
    private LaneCard card;
    private final AtomicLong gateAt = new AtomicLong();
    private final AtomicLong line0At = new AtomicLong();

    @BeforeEach
    void setUp() throws Exception {
        pty = PtyPair.open(dir.resolve("pty"));
        host = new JSerialCommLink(SerialSettings.of(pty.endA().toString()));
        sim = new SimulatedLaneCard(new PacedLine(new JSerialCommLink(SerialSettings.of(pty.endB().toString())),
                BAUD), 0);
        sim.addListener(e -> {
            if (e instanceof CardEvent.GateOpened) {
                gateAt.set(System.nanoTime());
            } else if (e instanceof CardEvent.TextShown && ((CardEvent.TextShown) e).line() == 0) {
                line0At.set(System.nanoTime());
            }
        });
        sim.start();
        host.open();
        card = new LaneCard(host, 0, Clock.systemUTC(), LaneCardOptions.DEFAULTS.withOpenThrottle(Duration.ZERO)
                .withBaudRate(BAUD));
    }

    @AfterEach
    void tearDown() {
        card.close();
        host.close();
        sim.close();
        pty.close();
    }

    @Test
    void framesTakeTheirWireTime() throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<CommandOutcome> open = card.openGateAsync();
        assertThat(open.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.ACKED);
        long acked = System.nanoTime();
        double frameMs = (gateAt.get() - t0) / 1e6;
        double roundTripMs = (acked - t0) / 1e6;
        assertThat(frameMs).as("14-byte open frame on the wire").isGreaterThanOrEqualTo(14 * MS_PER_BYTE);
        assertThat(roundTripMs).as("frame and its 9-byte ACK").isGreaterThanOrEqualTo(23 * MS_PER_BYTE);
        System.out.printf("figure: at %d baud the open frame was on the card after %.1f ms, its ACK back after "
                + "%.1f ms%n", BAUD, frameMs, roundTripMs);
    }

    @Test
    void aGateFrameNeverWaitsBehindMoreThanOneShortFrameWhileAnLedTextIsInProgress() throws Exception {
        List<String> lines = List.of("欢迎光临本停车场祝您一路顺风平安到家", "京A12345 临时车 停车2天3小时15分钟",
                "请缴费125.00元 可扫码支付或现金", "余位 123 个 谢谢合作 请勿逗留");
        String voice = "京A12345，停车两天三小时十五分钟，请缴费一百二十五元，可扫码支付或现金支付，谢谢合作，一路顺风。";
        int maxFrame = card.options().maxFrameBytes();
        // the bound: the rest of one short frame in flight, its ACK, then the 14-byte gate frame itself
        double boundMs = (maxFrame + 9 + 14) * MS_PER_BYTE + 60; // + 60 ms for a loaded machine's scheduling
        double worst = 0;
        for (int round = 0; round < 5; round++) {
            line0At.set(0);
            CompletableFuture<CommandOutcome> text = card.showAndSayAsync(lines, voice);
            await().atMost(Duration.ofSeconds(5)).until(() -> line0At.get() != 0); // the text is on its way
            gateAt.set(0);
            long t0 = System.nanoTime();
            CompletableFuture<CommandOutcome> open = card.openGateAsync();
            assertThat(open.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.ACKED);
            double ms = (gateAt.get() - t0) / 1e6;
            worst = Math.max(worst, ms);
            assertThat(ms).as("round %d: gate frame on the card %.1f ms after the request", round, ms)
                    .isLessThan(boundMs);
            assertThat(text.get(10, TimeUnit.SECONDS).delivered()).isTrue();
        }
        assertThat(sim.displayLines().get(0)).isNotEmpty();
        assertThat(sim.lastVoice()).endsWith("一路顺风。");
        System.out.printf("figure: at %d baud with frames of at most %d bytes, the gate frame reached the card at "
                        + "worst %.1f ms after the request while an LED text and voice were in progress (bound %.0f ms; "
                        + "one unsplit 185-byte frame alone takes %.0f ms)%n", BAUD, maxFrame, worst, boundMs,
                185 * MS_PER_BYTE);
    }

    @Test
    void longTextsAreSplitIntoShortFramesThatStillShowAndSayEverything() throws Exception {
        String voice = "京A12345，停车两天三小时十五分钟，请缴费一百二十五元，可扫码支付或现金支付，谢谢合作，一路顺风。";
        List<String> pieces = card.voicePieces(voice);
        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(voice);
        for (String p : pieces) {
            assertThat(CardFrames.playVoice(0, p).encode().length).isLessThanOrEqualTo(64);
        }
        try (LaneCard multi = new LaneCard(host, 0, Clock.systemUTC(), LaneCardOptions.DEFAULTS
                .withTextMode(LaneCardOptions.TextMode.MULTI_LINE_6E).withBaudRate(BAUD))) {
            card.close();
            List<String> lines = List.of("欢迎光临", "京A12345", "请缴费125元", "一路顺风");
            assertThat(CardFrames.showLinesAndSay(0, lines, voice).encode().length).isGreaterThan(64);
            assertThat(multi.showAndSayAsync(lines, voice).get(10, TimeUnit.SECONDS).status())
                    .isEqualTo(CommandOutcome.Status.ACKED);
            assertThat(sim.displayLines()).containsExactlyElementsOf(lines);
            assertThat(sim.receivedFrames()).allSatisfy(f -> assertThat(f.encode().length).isLessThanOrEqualTo(64));
        }
    }
}
