package com.boothdesk.devices.camera;

/**
 * Decides what to do with a plate read. Called on the HTTP server's thread while the camera waits for the reply, so
 * it must be quick (decide from local state; never wait on the network).
 */
@FunctionalInterface
public interface PlateEventHandler {
    /** Returns the reply for the camera; {@link CameraReply#none()} to do nothing. */
    CameraReply onPlate(PlateEvent event);

    /**
     * Told once the HTTP reply to {@code event} was handed to the network ({@code sent} true: written and flushed to
     * the camera's connection) or could not be ({@code sent} false: the connection broke or the server closed first).
     * {@code reply} is what the camera was actually sent (with queued commands merged in; without the gate pulse for
     * offline re-pushes). A camera-relay gate open is known to have left the booth only when this says true.
     * Called on the server's thread after {@link #onPlate}; the default does nothing.
     */
    default void onReplySent(PlateEvent event, CameraReply reply, boolean sent) {
    }
}
