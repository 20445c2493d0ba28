package com.boothdesk.app.ui.shift;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.boothdesk.app.domain.staff.Confirmation;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.domain.staff.SupervisedAction;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.sdk.message.Fen;

/**
 * The supervisor's confirmation of one action: the supervisor types their id and password (their PIN) on the
 * booth's screen. {@link #result()} completes with the recorded {@link Confirmation}, or exceptionally with
 * {@link java.util.concurrent.CancellationException} when cancelled. Wrong passwords count towards the
 * supervisor's lock-out like any log-in.
 */
public final class SupervisorDialogViewModel {

    private final StaffService staff;
    private final Messages messages;
    private final UiExecutors ex;
    private final SupervisedAction action;
    private final long amountFen;
    private final String subject;
    private final CompletableFuture<Confirmation> result = new CompletableFuture<>();

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty supervisorId = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanBinding canConfirm;

    public SupervisorDialogViewModel(StaffService staff, Messages messages, UiExecutors ex, SupervisedAction action,
                                     long amountFen, String subject) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ex = Objects.requireNonNull(ex, "ex");
        this.action = Objects.requireNonNull(action, "action");
        this.amountFen = amountFen;
        this.subject = subject == null ? "" : subject;
        title.set(messages.get("staff.supervisor.title", action.label()
                + (amountFen > 0 ? " " + Fen.format(amountFen) + "元" : "")
                + (this.subject.isEmpty() ? "" : " · " + this.subject)));
        canConfirm = Bindings.createBooleanBinding(() -> !busy.get() && !supervisorId.get().isBlank()
                && !password.get().isEmpty() && !result.isDone(), busy, supervisorId, password);
    }

    public void confirm() {
        if (!canConfirm.get()) {
            return;
        }
        String id = supervisorId.get().trim();
        char[] pw = password.get().toCharArray();
        password.set("");
        busy.set(true);
        ex.run(() -> staff.confirm(action, amountFen, subject, id, pw), c -> {
            busy.set(false);
            message.set(messages.get("staff.supervisor.confirmed", c.supervisor()));
            result.complete(c);
        }, e -> {
            busy.set(false);
            message.set(StaffMessages.of(messages, e));
        });
    }

    public void cancel() {
        password.set("");
        result.cancel(false);
    }

    public CompletableFuture<Confirmation> result() {
        return result;
    }

    public SupervisedAction action() {
        return action;
    }

    public StringProperty title() {
        return title;
    }

    public StringProperty supervisorId() {
        return supervisorId;
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

    public BooleanBinding canConfirm() {
        return canConfirm;
    }
}
