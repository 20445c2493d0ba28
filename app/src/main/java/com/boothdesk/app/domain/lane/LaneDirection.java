package com.boothdesk.app.domain.lane;

/** Which way cars pass a lane. */
public enum LaneDirection {
    ENTRY, EXIT
}
