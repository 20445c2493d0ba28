package com.boothdesk.devices.camera.common;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One plate for a camera's own white list: the camera opens for it by itself while the booth is unreachable.
 *
 * @param plate the plate as the camera reads it (京A12345)
 * @param validFrom first moment it is valid (camera's local time)
 * @param validTo last moment it is valid (camera's local time)
 * @param comment who or why (owner, "monthly", "white"), cut by the adapter to what the camera keeps
 */
public record WhiteListPlate(String plate, LocalDateTime validFrom, LocalDateTime validTo, String comment) {
    public WhiteListPlate {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        comment = comment == null ? "" : comment;
    }
}
