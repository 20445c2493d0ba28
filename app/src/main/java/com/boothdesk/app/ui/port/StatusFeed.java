package com.boothdesk.app.ui.port;

import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.common.Observable;

/** The booth-wide facts (cloud link, outbox depth, spaces, device health), refreshed about once a second. */
@FunctionalInterface
public interface StatusFeed {
    Observable<BoothStatus> status();
}
