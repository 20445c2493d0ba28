package com.boothdesk.devices.camera;

import com.boothdesk.devices.health.HealthSource;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.gate.GateController;
import com.boothdesk.devices.serial.SerialLink;
import java.io.IOException;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A source of plate reads from one camera brand's protocol (Zhenshi HTTP push today; Hikvision, Dahua, Huaxia later).
 * Implementations call their {@link PlateEventHandler} for every new read and carry its {@link CameraReply} back to
 * the camera where the protocol allows it.
 */
public interface PlateSource extends HealthSource, AutoCloseable {
    /** Starts listening / connecting. */
    void start() throws IOException;

    /**
     * Queues a reply for the camera with this serial number, delivered with the answer to its next request
     * (push or heartbeat) if that comes within {@code window}; otherwise it is dropped, never sent late. The future
     * completes with {@link CommandOutcome.Status#SENT} once the reply carrying it was written to the camera's
     * connection, {@link CommandOutcome.Status#LINK_DOWN} if that connection broke before, or
     * {@link CommandOutcome.Status#DROPPED_STALE} if the camera did not call in within the window.
     */
    CompletableFuture<CommandOutcome> queueForCamera(String serialNo, CameraReply reply, Duration window);

    /**
     * The barrier of the camera with this serial number when this source drives it itself (open, close, keep-open
     * and its state read back, as the brand allows); empty to use the generic camera-relay gate, which queues
     * {@link CameraReply#open} replies through {@link #queueForCamera}.
     */
    default Optional<GateController> gateFor(String serialNo) {
        return Optional.empty();
    }

    /**
     * A serial line through the camera's RS485 port to the lane's LED/voice card ({@code card.via=camera}), when this
     * source offers one for the camera with this serial number; bytes written go out as the camera's RS485
     * pass-through, bytes the camera relays back from the card arrive at the receiver.
     */
    default Optional<SerialLink> cardLinkFor(String serialNo) {
        return Optional.empty();
    }

    /**
     * The barrier position the camera with this serial number last reported, {@link
     * com.boothdesk.devices.gate.GateState#UNKNOWN} when it reports none.
     */
    default com.boothdesk.devices.gate.GateState gateState(String serialNo) {
        return com.boothdesk.devices.gate.GateState.UNKNOWN;
    }

    /** Called with (serial number, position) whenever a camera reports its barrier's position. */
    default void addGateStateListener(java.util.function.BiConsumer<String, com.boothdesk.devices.gate.GateState> l) {
    }

    /**
     * Receives the bytes the camera with this serial number relays from its RS485 port (the card's ACKs behind the
     * camera), when this source reads them (Zhenshi {@code SerialData} pushes); one receiver per camera, the last one
     * set wins. Called on the source's thread.
     */
    default void onSerialReceived(String serialNo, java.util.function.Consumer<SerialPayload> receiver) {
    }

    @Override
    void close();
}
