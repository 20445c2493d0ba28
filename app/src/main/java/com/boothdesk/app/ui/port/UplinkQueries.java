package com.boothdesk.app.ui.port;

import java.util.List;

import com.boothdesk.app.UplinkRow;

/** The messages for the cloud with their delivery state (blocking: reads the store; call through the UI executor). */
@FunctionalInterface
public interface UplinkQueries {
    List<UplinkRow> recentUplinks(int limit);
}
