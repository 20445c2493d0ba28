package com.boothdesk.devices.camera.common;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.gate.GateState;
import com.boothdesk.devices.health.HealthSource;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One lane camera of any brand, as the booth uses it. Plate reads (live and offline re-pushes) go to the
 * {@link com.boothdesk.devices.camera.PlateEventHandler} the adapter was built with, as
 * {@link com.boothdesk.devices.camera.PlateEvent}s; the handler's {@link CameraReply} is carried out the brand's way
 * (in the HTTP answer, or as commands right after it). Commands never block the caller and never go out late: each
 * is bounded by its window and completes with a {@link CommandOutcome}. Health comes from the camera's own
 * heartbeat or connection.
 */
public interface LaneCamera extends HealthSource, AutoCloseable {

    /** The id the lane names the camera by ({@code lane.<id>.camera}); plate events carry it as serial number. */
    String cameraId();

    CameraKind kind();

    Set<CameraCapability> capabilities();

    /** Connects / starts listening. Failing to reach the camera is not an error: it is retried and reported. */
    void start() throws IOException;

    /** Moves the barrier; {@link CommandOutcome.Status#REJECTED} for a command the device does not have. */
    CompletableFuture<CommandOutcome> barrier(BarrierCommand command);

    /** The barrier's position as last read back, {@link GateState#UNKNOWN} where the device does not report it. */
    GateState gateState();

    /**
     * Carries out a reply decided outside a push (a manual open, queued card frames): commanding brands send it now,
     * reply brands put it into the answer to the camera's next request if that comes within {@code window}.
     */
    CompletableFuture<CommandOutcome> deliver(CameraReply reply, Duration window);

    /** Bytes for the card behind the camera's RS485 port. */
    CompletableFuture<CommandOutcome> sendSerial(SerialPayload payload);

    /** Receives bytes the camera relays from its RS485 port (the card's ACKs), on the adapter's thread. */
    void onSerialReceived(Consumer<SerialPayload> receiver);

    /** A still JPEG taken now. */
    CompletableFuture<byte[]> snapshot();

    /** Makes the camera's white list exactly {@code plates} (adds, changes and removes as needed). */
    CompletableFuture<CommandOutcome> replaceWhiteList(List<WhiteListPlate> plates);

    /** Sets the camera's clock to this local time. */
    CompletableFuture<CommandOutcome> setClock(LocalDateTime localTime);

    @Override
    void close();

    /** A completed REJECTED outcome for a command the device does not have. */
    static CompletableFuture<CommandOutcome> unsupported(LaneCamera camera, String what) {
        return CompletableFuture.completedFuture(CommandOutcome.of(CommandOutcome.Status.REJECTED,
                what + " is not available on a " + camera.kind().key() + " camera"));
    }
}
