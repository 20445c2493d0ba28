package com.boothdesk.app.ui.login;

import java.util.Arrays;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.boothdesk.app.domain.staff.Account;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.shift.StaffMessages;
import com.boothdesk.app.ui.shift.UiExecutors;

/**
 * The first admin, made by the person installing the booth: shown instead of the log-in screen while
 * {@link StaffService#needsFirstAdmin()} (there is no built-in account and no default password).
 */
public final class FirstAdminViewModel {

    private final StaffService staff;
    private final Messages messages;
    private final UiExecutors ex;
    private final StringProperty userId = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Account> created = new SimpleObjectProperty<>();
    private final BooleanBinding canSubmit;

    public FirstAdminViewModel(StaffService staff, Messages messages, UiExecutors ex) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ex = Objects.requireNonNull(ex, "ex");
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !userId.get().isBlank()
                && !password.get().isEmpty() && !repeat.get().isEmpty(), busy, userId, password, repeat);
    }

    public void submit() {
        char[] a = password.get().toCharArray();
        boolean same = password.get().equals(repeat.get());
        password.set("");
        repeat.set("");
        if (!same) {
            Arrays.fill(a, '\0');
            message.set(messages.get("staff.login.mismatch"));
            return;
        }
        String id = userId.get().trim();
        String n = name.get().trim();
        busy.set(true);
        ex.run(() -> staff.createFirstAdmin(id, n, a), acc -> {
            busy.set(false);
            message.set(messages.get("staff.admin.created", acc.display()));
            created.set(acc);
        }, e -> {
            busy.set(false);
            message.set(StaffMessages.of(messages, e));
        });
    }

    public StringProperty userId() {
        return userId;
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty repeat() {
        return repeat;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** Set once the admin exists (the screen then gives way to the log-in). */
    public ObjectProperty<Account> created() {
        return created;
    }

    public BooleanBinding canSubmit() {
        return canSubmit;
    }
}
