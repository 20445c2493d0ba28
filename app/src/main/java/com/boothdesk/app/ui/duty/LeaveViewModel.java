package com.boothdesk.app.ui.duty;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.shift.StaffMessages;
import com.boothdesk.app.ui.shift.UiExecutors;

/**
 * Leaving the booth needs a password ({@link StaffService#leave}): the attendant on duty's own, or a supervisor's.
 * The same dialog serves the log-out (the shift stays open and is resumed at the next log-in; a handover closes it)
 * and closing the application. The password field is cleared after every attempt.
 */
public final class LeaveViewModel {

    /** What the password is for. */
    public enum Purpose { LOG_OUT, EXIT }

    private final StaffService staff;
    private final Messages messages;
    private final UiExecutors ex;
    private final Purpose purpose;
    private final Runnable done;
    private final StringProperty userId = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanBinding canSubmit;

    /** @param done runs on the ui executor once the password was accepted */
    public LeaveViewModel(StaffService staff, Messages messages, UiExecutors ex, Purpose purpose, Runnable done) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ex = Objects.requireNonNull(ex, "ex");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.done = Objects.requireNonNull(done, "done");
        staff.onDuty().ifPresent(a -> userId.set(a.userId()));
        title.set(messages.get(purpose == Purpose.EXIT ? "ui.leave.exit.title" : "ui.leave.logout.title"));
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !userId.get().isBlank()
                && !password.get().isEmpty(), busy, userId, password);
    }

    public void submit() {
        if (!canSubmit.get()) {
            message.set(messages.get("staff.login.required_fields"));
            return;
        }
        String id = userId.get().trim();
        char[] pw = password.get().toCharArray();
        password.set("");
        busy.set(true);
        ex.run(() -> {
            staff.leave(id, pw);
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            message.set("");
            done.run();
        }, e -> {
            busy.set(false);
            message.set(StaffMessages.of(messages, e));
        });
    }

    public Purpose purpose() {
        return purpose;
    }

    public StringProperty title() {
        return title;
    }

    public StringProperty userId() {
        return userId;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public BooleanBinding canSubmit() {
        return canSubmit;
    }
}
