package com.boothdesk.app.ui.login;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.boothdesk.app.domain.staff.HandoverRecord;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.shift.StaffMessages;
import com.boothdesk.app.ui.shift.UiExecutors;

/**
 * A supervisor closes the shift another attendant left open at this booth (a crash, a sick leave), from the log-in
 * screen: the supervisor's id and password and a remark saying why (required, stored with the record and sent with
 * it). No cash is counted; the shift's totals are closed as they are ({@link StaffService#closeShift}). The password
 * field is cleared after every attempt; the hash runs in the background.
 */
public final class CloseShiftViewModel {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final StaffService staff;
    private final Messages messages;
    private final UiExecutors ex;
    private final Shift shift;
    private final String title;

    private final StringProperty supervisor = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty remark = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<HandoverRecord> done = new SimpleObjectProperty<>();
    private final BooleanBinding canSubmit;

    /**
     * @param shift        the open shift of another attendant at this booth
     * @param attendant    how the shift's attendant is shown (name(id))
     */
    public CloseShiftViewModel(StaffService staff, Messages messages, ZoneId zone, UiExecutors ex, Shift shift,
                               String attendant) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ex = Objects.requireNonNull(ex, "ex");
        this.shift = Objects.requireNonNull(shift, "shift");
        this.title = messages.get("staff.close_shift.title", attendant, shift.shiftId(),
                HM.format(shift.startedAt().atZone(zone)));
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && done.get() == null
                && !supervisor.get().isBlank() && !password.get().isEmpty() && !remark.get().isBlank(),
                busy, done, supervisor, password, remark);
        // a changed supervisor or reason starts over: the last refusal no longer applies
        supervisor.addListener((o, a, b) -> message.set(""));
        remark.addListener((o, a, b) -> message.set(""));
    }

    /** Whose shift, which, since when. */
    public String title() {
        return title;
    }

    public Shift shift() {
        return shift;
    }

    public StringProperty supervisor() {
        return supervisor;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty remark() {
        return remark;
    }

    /** Why the last attempt failed, in the operator's language. */
    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** Set once the shift is closed (the record as stored). */
    public ObjectProperty<HandoverRecord> done() {
        return done;
    }

    public BooleanBinding canSubmit() {
        return canSubmit;
    }

    /** The command of the confirm button. */
    public void submit() {
        String sup = supervisor.get().trim();
        String why = remark.get().trim();
        char[] pw = password.get().toCharArray();
        password.set("");
        if (sup.isEmpty() || pw.length == 0) {
            java.util.Arrays.fill(pw, '\0');
            message.set(messages.get("staff.close_shift.required"));
            return;
        }
        if (why.isEmpty()) {
            java.util.Arrays.fill(pw, '\0');
            message.set(messages.get("staff.close_shift.remark_required"));
            return;
        }
        busy.set(true);
        message.set("");
        ex.run(() -> staff.closeShift(shift.shiftId(), sup, pw, why), r -> {
            busy.set(false);
            done.set(r);
        }, e -> {
            busy.set(false);
            message.set(StaffMessages.of(messages, e));
        });
    }
}
