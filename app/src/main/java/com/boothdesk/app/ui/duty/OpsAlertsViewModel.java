package com.boothdesk.app.ui.duty;

import java.util.List;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.ops.OpsAlert;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.shift.UiExecutors;

/**
 * The header's operations alert: the booth clock off the cloud's or a camera's, low disk space, an upgrade the
 * cloud announced (3.33, shown until installed; never installed by the booth). Empty and hidden when all is well;
 * the tooltip carries every alert, the label the first and how many more.
 */
public final class OpsAlertsViewModel implements AutoCloseable {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final Observable.Subscription subscription;

    public OpsAlertsViewModel(Observable<List<OpsAlert>> alerts, Messages messages, UiExecutors ex) {
        subscription = alerts.subscribe(list -> {
            List<String> lines = list.stream().map(a -> line(a, messages)).toList();
            String first = lines.isEmpty() ? "" : lines.size() == 1 ? lines.get(0)
                    : messages.get("ops.alert.more", lines.get(0), lines.size() - 1);
            String all = lines.stream().collect(Collectors.joining("\n"));
            ex.ui().execute(() -> {
                text.set(first);
                details.set(all);
                showing.set(!lines.isEmpty());
            });
        });
    }

    /** The clock alerts name their source as the attendant knows it (the cloud, camera SERIAL). */
    static String line(OpsAlert a, Messages m) {
        Object[] args = a.args().toArray();
        if (a.key().startsWith("ops.alert.clock") && args.length > 0) {
            String src = String.valueOf(args[0]);
            args[0] = src.startsWith("camera:") ? m.get("ops.source.camera", src.substring(7)) : m.get("ops.source.cloud");
        }
        return m.get(a.key(), args);
    }

    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }

    /** Every alert, one a line. */
    public ReadOnlyStringProperty details() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showing() {
        return showing.getReadOnlyProperty();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
