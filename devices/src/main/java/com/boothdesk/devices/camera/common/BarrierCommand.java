package com.boothdesk.devices.camera.common;

/** A barrier command as a camera adapter carries it out. */
public enum BarrierCommand {
    OPEN,
    CLOSE,
    /** Lift and hold (常开) until {@link #RELEASE}. */
    KEEP_OPEN,
    RELEASE
}
