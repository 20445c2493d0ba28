package com.boothdesk.devices.camera;

import com.boothdesk.devices.util.LogSafe;
import java.time.Instant;
import java.util.Objects;

/**
 * One plate read pushed by an LPR camera.
 *
 * <p>Text fields are as the camera sent them, cut to the widths {@link ZhenshiPushServer} documents (plate 16,
 * names 64 characters); they may still hold control characters, so log them through
 * {@link LogSafe#text(Object, int)}.
 *
 * @param sourceAddress IP address the HTTP request came from
 * @param deviceName camera name as configured on the camera
 * @param serialNo camera serial number (identifies the lane's camera)
 * @param ipAddr IP address the camera reports for itself
 * @param plate plate text as read ("_无_" or empty when no plate was found)
 * @param colorCode plate colour: 0 unknown, 1 blue, 2 yellow, 3 white, 4 black, 5 green, 6 yellow-green
 * @param confidence recognition confidence 0..100
 * @param plateId the camera's record id, unique per camera; offline re-pushes repeat it
 * @param readAt for live reads the server's receive time; for offline re-pushes the camera's own timestamp
 * @param offline true for a record the camera stored while it could not reach the server
 * @param fullImage JPEG of the scene, empty if the camera sent none (do not modify)
 * @param plateImage JPEG of the plate crop, empty if the camera sent none (do not modify)
 * @param vehicleType the camera's vehicle class, normalised to {@code car}, {@code truck}, {@code bus},
 *                    {@code motorcycle}, {@code van}, or "" when unknown (brands name them differently)
 * @param cameraTime the camera's own timestamp of the read, or null when it sent none or one that cannot be a time
 *                   (Zhenshi {@code Timeval.sec} missing, 0, negative or beyond what an Instant holds)
 * @param plateType the camera's plate type code as sent (Zhenshi {@code PlateResult.type}), or {@link #NO_TYPE}
 * @param noPlateByType the camera's type says it found no plate (see {@link ZhenshiPushServer} for the codes)
 */
public record PlateEvent(String sourceAddress, String deviceName, String serialNo, String ipAddr, String plate,
                         int colorCode, int confidence, long plateId, Instant readAt, boolean offline,
                         byte[] fullImage, byte[] plateImage, String vehicleType, Instant cameraTime,
                         int plateType, boolean noPlateByType) {
    /** {@link #plateType} when the camera sent none. */
    public static final int NO_TYPE = -1;

    public PlateEvent {
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(deviceName, "deviceName");
        Objects.requireNonNull(serialNo, "serialNo");
        Objects.requireNonNull(ipAddr, "ipAddr");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(readAt, "readAt");
        fullImage = fullImage == null ? new byte[0] : fullImage;
        plateImage = plateImage == null ? new byte[0] : plateImage;
        vehicleType = vehicleType == null ? "" : vehicleType;
    }

    /** A read without the camera's plate type. */
    public PlateEvent(String sourceAddress, String deviceName, String serialNo, String ipAddr, String plate,
                      int colorCode, int confidence, long plateId, Instant readAt, boolean offline,
                      byte[] fullImage, byte[] plateImage, String vehicleType, Instant cameraTime) {
        this(sourceAddress, deviceName, serialNo, ipAddr, plate, colorCode, confidence, plateId, readAt, offline,
                fullImage, plateImage, vehicleType, cameraTime, NO_TYPE, false);
    }

    /** A read without vehicle type, camera time and plate type. */
    public PlateEvent(String sourceAddress, String deviceName, String serialNo, String ipAddr, String plate,
                      int colorCode, int confidence, long plateId, Instant readAt, boolean offline,
                      byte[] fullImage, byte[] plateImage) {
        this(sourceAddress, deviceName, serialNo, ipAddr, plate, colorCode, confidence, plateId, readAt, offline,
                fullImage, plateImage, "", null, NO_TYPE, false);
    }

    /** True for an offline re-push whose own time the camera did not give (or gave as something that is no time). */
    public boolean cameraTimeUnknown() {
        return offline && cameraTime == null;
    }

    /** True when the camera found no plate ("_无_", "无", empty, or its plate type says so). */
    public boolean noPlate() {
        String p = plate.trim();
        return noPlateByType || p.isEmpty() || p.contains("无") || p.equalsIgnoreCase("unknown");
    }

    @Override
    public String toString() {
        return "PlateEvent[" + LogSafe.text(serialNo, 64) + "@" + sourceAddress + " plate=" + LogSafe.text(plate, 16)
                + " color=" + colorCode + " conf=" + confidence
                + (vehicleType.isEmpty() ? "" : " type=" + LogSafe.text(vehicleType, 16)) + " id=" + plateId
                + (offline ? " OFFLINE" : "") + (noPlateByType ? " NOPLATE-TYPE" : "") + " at=" + readAt
                + (cameraTimeUnknown() ? " (camera time unknown)" : "") + " images="
                + fullImage.length + "/" + plateImage.length + "B]";
    }
}
