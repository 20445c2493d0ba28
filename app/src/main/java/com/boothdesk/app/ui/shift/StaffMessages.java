package com.boothdesk.app.ui.shift;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.staff.StaffException;
import com.boothdesk.app.ui.Messages;

/** The operator's text of a refused staff action. */
public final class StaffMessages {

    private static final Logger LOG = LoggerFactory.getLogger(StaffMessages.class);

    private StaffMessages() {
    }

    public static String of(Messages m, RuntimeException e) {
        if (e instanceof StaffException se) {
            return m.get(se.key(), se.args());
        }
        LOG.warn("Staff action failed: {}", e.toString());
        return m.get("staff.error", String.valueOf(e.getMessage()));
    }
}
