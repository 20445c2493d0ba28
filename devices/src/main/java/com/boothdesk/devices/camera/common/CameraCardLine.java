package com.boothdesk.devices.camera.common;

import com.boothdesk.devices.serial.SerialLink;
import java.time.Duration;
import java.util.Optional;

/**
 * The lane card's line through its camera ({@code card.via=camera}): besides the bytes, whether and how long the card
 * driver should wait for the card's ACK, which only comes back when the camera relays what its RS485 port receives.
 */
public interface CameraCardLine extends SerialLink {

    /**
     * How long the card driver waits for the card's answer to one frame; empty when the camera does not relay the
     * card's answers (then frames go without ACK, a card-relay open counts as sent, never as confirmed).
     */
    Optional<Duration> ackWait();
}
