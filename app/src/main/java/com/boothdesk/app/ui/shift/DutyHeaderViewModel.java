package com.boothdesk.app.ui.shift;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.staff.Duty;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.sdk.message.Fen;

/**
 * The header's "who is on duty, since when, how much this shift", following {@code StaffService.duty()}. The ui
 * helper's header binds a label to {@link #text()}.
 */
public final class DutyHeaderViewModel implements AutoCloseable {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper onDuty = new ReadOnlyBooleanWrapper(false);
    private final Observable.Subscription subscription;

    public DutyHeaderViewModel(Observable<Duty> duty, Messages messages, ZoneId zone, UiExecutors ex) {
        subscription = duty.subscribe(d -> {
            String s = d.onDuty()
                    ? messages.get("staff.duty.on", d.name() == null || d.name().isEmpty() ? d.userId()
                            : d.name() + "(" + d.userId() + ")", HM.format(d.since().atZone(zone)),
                            Fen.format(d.receivedFen()))
                    : messages.get("staff.duty.nobody");
            ex.ui().execute(() -> {
                text.set(s);
                onDuty.set(d.onDuty());
            });
        });
    }

    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onDuty() {
        return onDuty.getReadOnlyProperty();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
