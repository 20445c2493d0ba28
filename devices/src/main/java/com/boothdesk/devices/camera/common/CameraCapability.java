package com.boothdesk.devices.camera.common;

/** What a camera adapter can do beyond delivering plate reads and opening the barrier. */
public enum CameraCapability {
    /** Lower the barrier on command. */
    CLOSE,
    /** Hold the barrier open and release it. */
    KEEP_OPEN,
    /** The barrier's position is read back from the device. */
    GATE_STATE,
    /** A still picture on demand. */
    SNAPSHOT,
    /** Bytes written to the camera's RS485 port (LED/voice card behind the camera). */
    RS485,
    /** Bytes the card answers on RS485 come back through the camera (ACKs can be read). */
    RS485_RECEIVE,
    /** A white list kept in the camera, used by it when the booth is unreachable. */
    WHITE_LIST,
    /** The camera's clock can be set. */
    CLOCK
}
