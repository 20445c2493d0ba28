package com.boothdesk.devices.camera.common;

import java.net.InetAddress;

/** A brand's handler for pushes under one path prefix of the {@link CameraPushListener}. */
public interface PushRoute {
    /** Whether a push from this address is accepted at all (checked before the body is read). */
    boolean allowed(InetAddress peer);

    /** Decodes the push, hands it on, answers the camera. Must be quick and never throw for bad input. */
    PushAnswer handle(PushRequest request);
}
