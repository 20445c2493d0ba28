package com.boothdesk.devices.camera;

/**
 * Decides what to do with a plate read. Called on the HTTP server's thread while the camera waits for the reply, so
 * it must be quick (decide from local state; never wait on the network).
 */
@FunctionalInterface
public interface PlateEventHandler {
    /** Returns the reply for the camera; {@link CameraReply#none()} to do nothing. */
    CameraReply onPlate(PlateEvent event);
}
