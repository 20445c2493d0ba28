package com.boothdesk.devices.camera.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A camera's configured host, resolved once, as the set of addresses its pushes may come from. */
public final class Addresses {
    private static final Logger LOG = LoggerFactory.getLogger(Addresses.class);

    private Addresses() {
    }

    public static Set<InetAddress> resolve(String host) {
        Set<InetAddress> out = new HashSet<>();
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                out.add(a);
            }
        } catch (UnknownHostException e) {
            LOG.warn("camera address {} cannot be resolved; its pushes will be refused", LogText.cut(host));
        }
        return Set.copyOf(out);
    }
}
