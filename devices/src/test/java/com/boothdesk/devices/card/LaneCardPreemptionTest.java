package com.boothdesk.devices.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialLink;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.devices.sim.PacedLine;
import com.boothdesk.devices.sim.PtyPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 on a real pty whose card side is paced at 9600 baud 8N1: gate requests at random moments while long LED
 * texts and voice are on the line. The screen frame in flight is cut between two chunks, the gate frame goes after
 * t3.5 of silence, the cut frame is sent again whole: every gate frame is on the card within the bound, every text
 * frame still arrives byte for byte, and the two talkers of the half-duplex line never overlap.
 */
class LaneCardPreemptionTest {
    private static final int BAUD = 9600;
    private static final double MS_PER_BYTE = 10_000.0 / BAUD;
    private static final List<String> LINES = List.of("欢迎光临本停车场祝您一路顺风平安到家", "京A12345 临时车 停车2天3小时15分钟",
            "请缴费125.00元 可扫码支付或现金", "余位 123 个 谢谢合作 请勿逗留");
    private static final String VOICE = "京A12345，停车两天三小时十五分钟，请缴费一百二十五元，可扫码支付或现金支付，谢谢合作，一路顺风。";

    @TempDir
    Path dir;
    private PtyPair pty;
    private JSerialCommLink host;
    private PacedLine paced;
    private SimulatedLaneCard sim;
    private LaneCard card;
    private ScheduledExecutorService timer;
    private final AtomicLong gateAt = new AtomicLong();
    /** Every write the driver made to the adapter: {nanoTime, bytes, first byte of a gate frame ? 1 : 0}. */
    private final List<long[]> writes = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws Exception {
        pty = PtyPair.open(dir.resolve("pty"));
        host = new JSerialCommLink(SerialSettings.of(pty.endA().toString()));
        SerialLink tap = new ForwardingLink(host) {
            @Override
            public void write(byte[] bytes) throws SerialException {
                boolean gate = bytes.length > 6 && bytes[1] == 0x64 && (bytes[4] & 0xFF) == CardCommand.RELAY;
                super.write(bytes);
                writes.add(new long[] {System.nanoTime(), bytes.length, gate ? 1 : 0});
            }
        };
        paced = new PacedLine(new JSerialCommLink(SerialSettings.of(pty.endB().toString())), BAUD);
        sim = new SimulatedLaneCard(paced, 0);
        sim.addListener(e -> {
            if (e instanceof CardEvent.GateOpened) {
                gateAt.set(System.nanoTime());
            }
        });
        sim.start();
        host.open();
        // the simulator's replies reach the driver through a pty and two threads that a loaded CI machine can delay by
        // tens of ms (a real card on a real line is not); the turnaround is set above that so a gate never gives up
        // on an ACK that is merely late here: this class checks pre-emption without overlaps, and the give-up itself
        // in aGateWaitsForAScreenFramesAckOnlyTheTurnaroundTimeWhenTheCardStaysSilent
        card = new LaneCard(tap, 0, Clock.systemUTC(), LaneCardOptions.DEFAULTS.withOpenThrottle(Duration.ZERO)
                .withBaudRate(BAUD).withAckTurnaround(Duration.ofMillis(100)));
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void tearDown() {
        timer.shutdownNow();
        card.close();
        host.close();
        sim.close();
        pty.close();
    }

    @Test
    void gateRequestsAtRandomMomentsDuringLongTextsPreemptThemAndEveryTextStillArrivesWhole() throws Exception {
        List<CardFrame> textFrames = new ArrayList<>();
        for (int i = 0; i < LINES.size(); i++) {
            textFrames.add(CardFrames.showText(0, i, LINES.get(i), TextStyle.DEFAULT));
        }
        List<String> pieces = card.voicePieces(VOICE);
        pieces.forEach(p -> textFrames.add(CardFrames.playVoice(0, p)));
        int textBytes = textFrames.stream().mapToInt(f -> f.encode().length + 9).sum();
        assertThat(textFrames).allSatisfy(f -> assertThat(f.encode().length).isGreaterThan(40));

        // design bound: 1.5 chunks still in the adapter + t3.5 silence + the 14-byte gate frame (or: the CRC of the
        // frame in flight, its 9-byte ACK, the gate frame), before any scheduling delay
        double boundMs = 26 * MS_PER_BYTE;
        Random rnd = new Random();
        long seed = rnd.nextLong();
        rnd.setSeed(seed);
        int rounds = 12;
        double[] latency = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            int before = sim.receivedFrames().size();
            long delayUs = (long) (rnd.nextDouble() * textBytes * MS_PER_BYTE * 1000);
            AtomicLong requestedAt = new AtomicLong();
            AtomicLong writeCountAtRequest = new AtomicLong();
            gateAt.set(0);
            CompletableFuture<CommandOutcome> text = card.showAndSayAsync(LINES, VOICE);
            CompletableFuture<CommandOutcome> open = new CompletableFuture<>();
            timer.schedule(() -> {
                requestedAt.set(System.nanoTime());
                writeCountAtRequest.set(writes.size());
                card.openGateAsync().whenComplete((o, t) -> open.complete(o));
            }, delayUs, TimeUnit.MICROSECONDS);

            assertThat(open.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.ACKED);
            assertThat(text.get(10, TimeUnit.SECONDS).status()).as("seed %d round %d", seed, round)
                    .isEqualTo(CommandOutcome.Status.ACKED);
            latency[round] = (gateAt.get() - requestedAt.get()) / 1e6;
            // the strict bound, in bytes the driver handed to the adapter (its own timestamps, so the pty's delivery
            // lag on a loaded machine does not blur it): when the gate is requested, at most 1.5 chunks of 4 bytes
            // (or the CRC of the frame in flight) may still be waiting to leave at 9600 baud; after the request at most
            // the one chunk being handed over at that moment goes before the gate frame. A whole 64-byte frame handed
            // at once (the previous design) fails the first; more chunks after the request fail the second.
            List<long[]> w;
            synchronized (writes) {
                w = new ArrayList<>(writes);
            }
            int atRequest = (int) writeCountAtRequest.get();
            double pending = pendingBytes(w.subList(0, atRequest), requestedAt.get());
            int handedAfter = 0;
            for (long[] x : w.subList(atRequest, w.size())) {
                if (x[2] == 1) {
                    break;
                }
                handedAfter += (int) x[1];
            }
            assertThat(pending).as("seed %d round %d: bytes waiting in the adapter at the request (%d us into the "
                    + "text)", seed, round, delayUs).isLessThanOrEqualTo(6.5);
            assertThat(handedAfter).as("seed %d round %d: bytes handed after the request before the gate frame",
                    seed, round).isLessThanOrEqualTo(4);
            // wall-clock sanity bound only (a loaded CI machine stalls threads for tens of ms now and then); the
            // strict bound is counted in bytes on the wire below, where scheduling cannot blur it
            assertThat(latency[round]).as("seed %d round %d: gate frame on the card %.1f ms after the request "
                    + "(%d us into the text)", seed, round, latency[round], delayUs).isLessThan(150);

            List<CardFrame> got = sim.receivedFrames().subList(before, sim.receivedFrames().size());
            List<String> gates = got.stream().filter(f -> f.command() == CardCommand.RELAY)
                    .map(f -> hex(f.encode())).toList();
            assertThat(gates).as("one gate frame, byte for byte").containsExactly(hex(CardFrames.openGate(0)
                    .encode()));
            // every text frame whole, byte for byte, in order (a frame repeated after a lost ACK is tolerated only
            // as an immediate repeat; a frame garbled by an overlap would fail its CRC and never show up here)
            List<String> texts = new ArrayList<>();
            for (CardFrame f : got) {
                String h = hex(f.encode());
                if (f.command() != CardCommand.RELAY && (texts.isEmpty() || !texts.get(texts.size() - 1).equals(h))) {
                    texts.add(h);
                }
            }
            assertThat(texts).as("seed %d round %d", seed, round)
                    .containsExactlyElementsOf(textFrames.stream().map(f -> hex(f.encode())).toList());
            assertThat(sim.displayLines()).containsExactlyElementsOf(LINES);
            assertThat(sim.lastVoice()).isEqualTo(pieces.get(pieces.size() - 1));
        }
        assertThat(paced.collisions()).as("overlaps on the half-duplex line").isZero();
        assertThat(card.preemptedFrames()).as("text frames cut for a gate command").isPositive();
        assertThat(sim.brokenFrames()).as("cut frames the card threw away").isEqualTo(card.preemptedFrames());
        double[] sorted = latency.clone();
        Arrays.sort(sorted);
        System.out.printf("figure: at %d baud, %d gate requests at random moments of a %d-byte LED text + voice: "
                        + "gate frame on the card p50 %.1f ms, max %.1f ms after the request (design bound %.1f ms before scheduling delays); %d text "
                        + "frames cut and resent, %d collisions%n", BAUD, rounds, textBytes, sorted[rounds / 2],
                sorted[rounds - 1], boundMs, card.preemptedFrames(), paced.collisions());
    }

    @Test
    void aGateWaitsForAScreenFramesAckOnlyTheTurnaroundTimeWhenTheCardStaysSilent() throws Exception {
        sim.setAnswering(false); // a card in "no reply" mode, or one that lost the frame
        AtomicLong lineAt = new AtomicLong();
        sim.addListener(e -> {
            if (e instanceof CardEvent.TextShown && lineAt.get() == 0) {
                lineAt.set(System.nanoTime());
            }
        });
        CompletableFuture<CommandOutcome> text = card.showLinesAsync(List.of(LINES.get(0)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lineAt.get() != 0);
        // the line frame is on the card; the driver now waits up to ackTimeout (300 ms) for an ACK that never comes
        long t0 = System.nanoTime();
        gateAt.set(0);
        CompletableFuture<CommandOutcome> open = card.openGateAsync();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> gateAt.get() != 0);
        double ms = (gateAt.get() - t0) / 1e6;
        // by design: ackTurnaround (100 ms here) after the frame's end, then the 14-byte gate frame (15 ms); below the
        // 300 ms ACK timeout (+ the frame's and ACK's wire time) it would otherwise wait
        assertThat(ms).as("gate frame on the card %.1f ms after the request", ms)
                .isLessThan(card.options().ackTurnaround().toMillis() + 14 * MS_PER_BYTE + 60);
        assertThat(open.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.NO_ACK);
        assertThat(text.get(5, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.NO_ACK);
        assertThat(paced.collisions()).isZero();
        System.out.printf("figure: with a silent card, the gate frame reached the card %.1f ms after the request "
                + "while a line frame's ACK was awaited (ACK timeout %d ms)%n", ms,
                card.options().ackTimeout().toMillis());
    }

    /** Bytes still to leave at {@code at}, modelling the adapter as sending at the baud rate from each write. */
    private static double pendingBytes(List<long[]> writes, long at) {
        double nanos = 10e9 / BAUD;
        long free = Long.MIN_VALUE;
        for (long[] x : writes) {
            long start = free == Long.MIN_VALUE || x[0] - free > 0 ? x[0] : free;
            free = start + (long) (x[1] * nanos);
        }
        return free == Long.MIN_VALUE || at - free >= 0 ? 0 : (free - at) / nanos;
    }

    /** A link that hands everything to another. */
    private static class ForwardingLink implements SerialLink {
        private final SerialLink inner;

        ForwardingLink(SerialLink inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void open() throws SerialException {
            inner.open();
        }

        @Override
        public void write(byte[] bytes) throws SerialException {
            inner.write(bytes);
        }

        @Override
        public void setReceiver(java.util.function.Consumer<byte[]> receiver) {
            inner.setReceiver(receiver);
        }

        @Override
        public com.boothdesk.devices.serial.LinkState state() {
            return inner.state();
        }

        @Override
        public void addStateListener(java.util.function.Consumer<com.boothdesk.devices.serial.LinkState> l) {
            inner.addStateListener(l);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
