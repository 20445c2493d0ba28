package com.boothdesk.app.ops;

import java.util.List;

/**
 * One operations alert for the header: a message key of the i18n bundles (prefix {@code ops.alert.}) with its
 * arguments, e.g. the booth clock off the cloud's, low disk space, an upgrade the cloud announced.
 */
public record OpsAlert(String key, List<Object> args) {
    public OpsAlert {
        args = List.copyOf(args);
    }
}
