package com.boothdesk.devices.camera.common;

import java.net.InetAddress;

/** A camera adapter that receives pushes. */
public interface PushTarget {
    /** Whether pushes from this address may be this camera's. */
    boolean allows(InetAddress peer);

    PushAnswer onPush(PushRequest request);
}
