package com.boothdesk.app.cloud;

import com.boothdesk.sdk.protocol.BoothHandling;

/** {@code ./boothdesk protocol list}: this booth's {@link ProtocolCoverage} (found by the ServiceLoader). */
public final class BoothProtocolHandling implements BoothHandling {

    private ProtocolCoverage coverage;

    private synchronized ProtocolCoverage coverage() {
        if (coverage == null) {
            coverage = ProtocolCoverage.ofThisBooth();
        }
        return coverage;
    }

    @Override
    public String text() {
        return coverage().text();
    }

    @Override
    public String markdown() {
        return coverage().markdown();
    }
}
