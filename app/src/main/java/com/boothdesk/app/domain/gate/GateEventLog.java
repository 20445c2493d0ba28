package com.boothdesk.app.domain.gate;

import java.util.List;

/** Durable log of barrier movements. */
public interface GateEventLog {

    void record(GateEvent event);

    /** Newest first. */
    List<GateEvent> recent(int limit);
}
