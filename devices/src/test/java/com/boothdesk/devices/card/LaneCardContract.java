package com.boothdesk.devices.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.serial.LinkState;
import com.boothdesk.devices.serial.SerialLink;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.devices.testutil.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every lane-card path must show, run once over an in-memory line and once over the real jSerialComm driver
 * on a pseudo-terminal pair, with the simulated card at the far end in both cases.
 */
abstract class LaneCardContract {
    static final Duration WAIT = Duration.ofSeconds(5);

    /** The line between host and simulated card. */
    interface Line extends AutoCloseable {
        SerialLink host();

        SerialLink far();

        void unplug() throws Exception;

        void replug() throws Exception;

        @Override
        void close() throws Exception;
    }

    abstract Line createLine() throws Exception;

    Line line;
    SimulatedLaneCard sim;
    MutableClock clock;
    LaneCard card;

    @BeforeEach
    void setUp() throws Exception {
        line = createLine();
        sim = new SimulatedLaneCard(line.far(), 0x00);
        sim.start();
        line.host().open();
        clock = new MutableClock(Instant.parse("2025-11-25T09:00:00Z"));
        card = new LaneCard(line.host(), 0x00, clock, LaneCardOptions.DEFAULTS.withAckTimeout(Duration.ofMillis(500)));
    }

    @AfterEach
    void tearDown() throws Exception {
        card.close();
        line.host().close();
        sim.close();
        line.close();
    }

    static CommandOutcome get(java.util.concurrent.CompletableFuture<CommandOutcome> f) throws Exception {
        return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void openGatePulsesTheRelayAndIsAcknowledged() throws Exception {
        assertThat(card.health().health()).isEqualTo(DeviceHealth.UNKNOWN);
        assertThat(get(card.openGateAsync()).status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(sim.events()).containsExactly(new CardEvent.GateOpened(1));
        assertThat(sim.receivedFrames()).containsExactly(CardFrames.openGate(0));
        assertThat(card.health().health()).isEqualTo(DeviceHealth.CONNECTED);
    }

    @Test
    void linesAndVoiceReachTheScreen() throws Exception {
        assertThat(get(card.showAndSayAsync(List.of("京A12345", "临时车", "请交费12.50元"), "请交费12.5元")).status())
                .isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(sim.displayLines()).containsExactly("京A12345", "临时车", "请交费12.50元", "");
        assertThat(sim.lastVoice()).isEqualTo("请交费12.5元");
    }

    @Test
    void voiceOnly() throws Exception {
        assertThat(get(card.sayAsync("一路顺风")).delivered()).isTrue();
        assertThat(sim.lastVoice()).isEqualTo("一路顺风");
    }

    @Test
    void multiLineFramesWhenConfigured() throws Exception {
        for (LaneCardOptions.TextMode mode : List.of(LaneCardOptions.TextMode.MULTI_LINE_6E,
                LaneCardOptions.TextMode.MULTI_LINE_6F)) {
            card.close();
            // no frame limit: one frame with everything (LaneCardPacedLineTest covers the split into short frames)
            card = new LaneCard(line.host(), 0, clock, LaneCardOptions.DEFAULTS.withTextMode(mode)
                    .withMaxFrameBytes(0));
            int before = sim.receivedFrames().size();
            assertThat(get(card.showAndSayAsync(List.of("欢迎光临", mode.name()), "欢迎光临")).status())
                    .isEqualTo(CommandOutcome.Status.ACKED);
            assertThat(sim.receivedFrames()).hasSize(before + 1);
            assertThat(sim.displayLines()).containsExactly("欢迎光临", mode.name(), "", "");
        }
    }

    @Test
    void settingsAndScreens() throws Exception {
        assertThat(get(card.setVolumeAsync(8)).status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(get(card.showRemainingSpacesAsync(123)).status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(get(card.syncTimeAsync()).status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(get(card.showQrPaymentAsync("https://pay.example/o/1", "请扫码缴费", 1250, 3600, true)).status())
                .isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(sim.events()).containsExactly(new CardEvent.VolumeSet(8), new CardEvent.SpacesShown(123),
                new CardEvent.TimeSynced(java.time.LocalDateTime.of(2025, 11, 25, 17, 0, 0)),
                new CardEvent.QrShown("https://pay.example/o/1", "请扫码缴费", 1250));
    }

    @Test
    void repeatedOpensWithinOneSecondAreThrottled() throws Exception {
        assertThat(get(card.openGateAsync()).status()).isEqualTo(CommandOutcome.Status.ACKED);
        clock.advance(Duration.ofMillis(900));
        assertThat(get(card.openGateAsync()).status()).isEqualTo(CommandOutcome.Status.THROTTLED);
        clock.advance(Duration.ofMillis(200));
        assertThat(get(card.openGateAsync()).status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(sim.events()).containsExactly(new CardEvent.GateOpened(1), new CardEvent.GateOpened(1));
    }

    @Test
    void silentCardGivesNoAckAfterBoundedRetries() throws Exception {
        sim.setAnswering(false);
        CommandOutcome o = get(card.sayAsync("test"));
        assertThat(o.status()).isEqualTo(CommandOutcome.Status.NO_ACK);
        assertThat(sim.receivedFrames()).hasSize(1 + LaneCardOptions.DEFAULTS.retries());
        assertThat(card.health().health()).isEqualTo(DeviceHealth.DEGRADED);
        sim.setAnswering(true);
        assertThat(get(card.sayAsync("again")).status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(card.health().health()).isEqualTo(DeviceHealth.CONNECTED);
    }

    @Test
    void staleOpenIsDroppedAndNeverReplayedAfterReconnect() throws Exception {
        line.unplug();
        await().atMost(WAIT).until(() -> line.host().state() == LinkState.RECONNECTING);
        await().atMost(WAIT).until(() -> card.health().health() == DeviceHealth.OFFLINE);
        var open = card.openGateAsync();
        clock.advance(Duration.ofMillis(2100)); // the open waited longer than the 2 s gate window
        CommandOutcome dropped = get(open);
        assertThat(dropped.status()).isEqualTo(CommandOutcome.Status.LINK_DOWN);
        assertThat(dropped.confirmed()).isFalse();
        assertThat(dropped.written()).isFalse();
        line.replug();
        await().atMost(WAIT).until(() -> line.host().state() == LinkState.OPEN);
        // a later command goes through, in order: had the open been replayed, it would have arrived before this
        assertThat(get(card.sayAsync("欢迎光临")).status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(sim.events()).doesNotHaveAnyElementsOfTypes(CardEvent.GateOpened.class);
        assertThat(sim.lastVoice()).isEqualTo("欢迎光临");
    }

    @Test
    void aCommandThatWaitedPastItsDeadlineWithTheLineUpIsDroppedAsStaleNotLinkDown() throws Exception {
        sim.setAnswering(false);
        var first = card.sayAsync("一"); // keeps the worker busy with unanswered retries
        var second = card.sayAsync("二");
        clock.advance(Duration.ofSeconds(6)); // beyond the 5 s screen/voice window
        assertThat(get(first).status()).isIn(CommandOutcome.Status.NO_ACK, CommandOutcome.Status.DROPPED_STALE);
        assertThat(get(second).status()).isEqualTo(CommandOutcome.Status.DROPPED_STALE);
    }

    @Test
    void gateOutcomesSayWhetherTheCardConfirmed() throws Exception {
        CommandOutcome acked = get(card.openGateAsync());
        assertThat(acked.status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(acked.confirmed()).isTrue();
        sim.setAnswering(false);
        clock.advance(Duration.ofSeconds(2)); // past the open throttle
        CommandOutcome silent = get(card.openGateAsync());
        assertThat(silent.status()).isEqualTo(CommandOutcome.Status.NO_ACK);
        assertThat(silent.confirmed()).isFalse();
        assertThat(silent.written()).isTrue();
    }

    @Test
    void openRequestedDuringAShortOutageGoesOutWhenTheLineIsBackInTime() throws Exception {
        line.unplug();
        await().atMost(WAIT).until(() -> line.host().state() == LinkState.RECONNECTING);
        var open = card.openGateAsync();
        line.replug();
        assertThat(get(open).status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(sim.events()).containsExactly(new CardEvent.GateOpened(1));
    }

    @Test
    void invalidArgumentsAreRejectedWithoutTouchingTheLine() throws Exception {
        assertThat(get(card.setVolumeAsync(500)).status()).isEqualTo(CommandOutcome.Status.REJECTED);
        assertThat(sim.receivedFrames()).isEmpty();
    }

    @Test
    void closeCompletesQueuedCommands() throws Exception {
        line.unplug();
        await().atMost(WAIT).until(() -> line.host().state() == LinkState.RECONNECTING);
        var pending = card.sayAsync("never");
        card.close();
        assertThat(get(pending).status()).isIn(CommandOutcome.Status.CLOSED);
        assertThat(get(card.sayAsync("after close")).status()).isEqualTo(CommandOutcome.Status.CLOSED);
    }

    @Test
    void gateCommandsOvertakeQueuedScreenUpdates() throws Exception {
        line.unplug();
        await().atMost(WAIT).until(() -> line.host().state() == LinkState.RECONNECTING);
        var screen = card.showAndSayAsync(List.of("京A12345", "请交费12.50元"), "请交费12.50元");
        var open = card.openGateAsync();
        line.replug();
        assertThat(get(open).status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(get(screen).status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(sim.receivedFrames().get(0)).isEqualTo(CardFrames.openGate(0));
        assertThat(sim.receivedFrames()).hasSize(6);
    }

    @Test
    void ownFramesEchoedByATwoWireAdapterAreNotMistakenForReplies() throws Exception {
        sim.setEcho(true);
        // a volume frame's echo would look like ACK 0x32 (a refusal) if the driver took it for the reply
        assertThat(get(card.setVolumeAsync(50))).isEqualTo(new CommandOutcome(CommandOutcome.Status.ACKED, 0, "ok"));
        assertThat(get(card.openGateAsync()).status()).isEqualTo(CommandOutcome.Status.ACKED);
    }
}
