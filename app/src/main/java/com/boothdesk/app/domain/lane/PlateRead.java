package com.boothdesk.app.domain.lane;

import java.time.Instant;
import java.util.Objects;

/**
 * One plate read at a lane, whatever camera it came from.
 *
 * @param plate      the plate as read, e.g. 京A12345; empty when the camera saw a car but no plate
 * @param colorCode  the camera's plate colour code (Zhenshi: 1 blue, 2 yellow, 3 white, 4 black, 5 green)
 * @param confidence 0-100
 * @param image      full scene JPEG, may be empty
 * @param source     where it came from, for the log (camera serial number or address)
 * @param plateImage the camera's JPEG crop of the plate, may be empty
 * @param cameraTimeUnknown the camera gave no usable time of its own for this read (an offline re-push with
 *                          {@code Timeval.sec} 0 or absurd): {@code readAt} is then the booth's receive time
 * @param noPlateByType the camera's plate type says it found no plate (whatever its license text)
 */
public record PlateRead(String laneId, String plate, int colorCode, int confidence, Instant readAt, byte[] image,
                        String source, byte[] plateImage, boolean cameraTimeUnknown, boolean noPlateByType) {
    public PlateRead {
        Objects.requireNonNull(laneId, "laneId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(readAt, "readAt");
        image = image == null ? new byte[0] : image;
        source = source == null ? "" : source;
        plateImage = plateImage == null ? new byte[0] : plateImage;
    }

    /** A read with the camera's own time and without a no-plate type. */
    public PlateRead(String laneId, String plate, int colorCode, int confidence, Instant readAt, byte[] image,
                     String source, byte[] plateImage) {
        this(laneId, plate, colorCode, confidence, readAt, image, source, plateImage, false, false);
    }

    /** This read with another plate text; everything else (time, flags, pictures) kept. */
    public PlateRead withPlate(String newPlate, int newConfidence, String newSource) {
        return new PlateRead(laneId, newPlate, colorCode, newConfidence, readAt, image, newSource, plateImage,
                cameraTimeUnknown, noPlateByType);
    }

    /** A read without the camera's plate crop. */
    public PlateRead(String laneId, String plate, int colorCode, int confidence, Instant readAt, byte[] image,
                     String source) {
        this(laneId, plate, colorCode, confidence, readAt, image, source, new byte[0]);
    }

    @Override
    public String toString() {
        return "PlateRead[" + laneId + " " + com.boothdesk.app.domain.plate.SafeText.plate(plate) + " conf="
                + confidence + " at " + readAt + " from " + com.boothdesk.app.domain.plate.SafeText.of(source, 40)
                + " image=" + image.length + "B" + (cameraTimeUnknown ? " camera-time-unknown" : "")
                + (noPlateByType ? " no-plate-type" : "") + "]";
    }
}
