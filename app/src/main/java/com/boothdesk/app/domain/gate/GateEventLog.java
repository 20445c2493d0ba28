package com.boothdesk.app.domain.gate;

import java.util.List;

/** Durable log of barrier movements. */
public interface GateEventLog {

    /** Stores the event (with its uplink, for a manual one) and returns its id. */
    long record(GateEvent event);

    /** Newest first. */
    List<GateEvent> recent(int limit);
}
