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

import com.boothdesk.app.domain.staff.StaffException;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.shift.StaffMessages;
import com.boothdesk.app.ui.shift.UiExecutors;

/**
 * The log-in screen's state and rules. Log-in comes first: until {@link #loggedIn()} is set, the lanes take no
 * money. A collector synced from the cloud without a booth password is switched to {@link Mode#SET_PASSWORD}.
 * The password fields are cleared after every attempt; the hash runs in the background.
 */
public final class LoginViewModel {

    /** What the screen asks for. */
    public enum Mode { LOGIN, SET_PASSWORD }

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final StaffService staff;
    private final Messages messages;
    private final ZoneId zone;
    private final UiExecutors ex;

    private final StringProperty userId = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeatPassword = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.LOGIN);
    private final ObjectProperty<StaffService.Login> loggedIn = new SimpleObjectProperty<>();
    private final BooleanBinding canSubmit;
    private final ObjectProperty<CloseShiftViewModel> closeShift = new SimpleObjectProperty<>();
    private java.util.function.Consumer<com.boothdesk.app.domain.staff.HandoverRecord> afterClose = r -> { };

    public LoginViewModel(StaffService staff, Messages messages, ZoneId zone, UiExecutors ex) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.ex = Objects.requireNonNull(ex, "ex");
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !userId.get().isBlank()
                && (mode.get() == Mode.LOGIN ? !password.get().isEmpty()
                : !newPassword.get().isEmpty() && !repeatPassword.get().isEmpty()),
                busy, userId, password, newPassword, repeatPassword, mode);
    }

    public StringProperty userId() {
        return userId;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty newPassword() {
        return newPassword;
    }

    public StringProperty repeatPassword() {
        return repeatPassword;
    }

    /** The last outcome, in the operator's language (errors and the welcome). */
    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public ObjectProperty<Mode> mode() {
        return mode;
    }

    /** Set once an attendant is logged in (the main window follows it). */
    public ObjectProperty<StaffService.Login> loggedIn() {
        return loggedIn;
    }

    public BooleanBinding canSubmit() {
        return canSubmit;
    }

    /**
     * Set while another attendant's open shift at this booth refuses the log-in: a supervisor closes it on the
     * log-in screen ({@link CloseShiftViewModel}); null otherwise.
     */
    public ObjectProperty<CloseShiftViewModel> closeShift() {
        return closeShift;
    }

    /** What follows a shift closed by a supervisor here (the window prints its report). */
    public void onShiftClosed(java.util.function.Consumer<com.boothdesk.app.domain.staff.HandoverRecord> action) {
        this.afterClose = Objects.requireNonNull(action, "action");
    }

    /** The command of the log-in button (Enter). */
    public void submit() {
        if (mode.get() == Mode.SET_PASSWORD) {
            setPassword();
            return;
        }
        String id = userId.get().trim();
        char[] pw = password.get().toCharArray();
        password.set("");
        if (id.isEmpty() || pw.length == 0) {
            message.set(messages.get("staff.login.required_fields"));
            return;
        }
        busy.set(true);
        ex.run(() -> staff.login(id, pw), this::succeeded, this::failed);
    }

    private void setPassword() {
        String id = userId.get().trim();
        char[] a = newPassword.get().toCharArray();
        String b = repeatPassword.get();
        newPassword.set("");
        repeatPassword.set("");
        if (!new String(a).equals(b)) {
            java.util.Arrays.fill(a, '\0');
            message.set(messages.get("staff.login.mismatch"));
            return;
        }
        char[] copy = a.clone();
        busy.set(true);
        ex.run(() -> {
            staff.setFirstPassword(id, a);
            return staff.login(id, copy);
        }, this::succeeded, this::failed);
    }

    private void succeeded(StaffService.Login login) {
        busy.set(false);
        closeShift.set(null);
        mode.set(Mode.LOGIN);
        String who = login.account().display();
        message.set(login.resumed()
                ? messages.get("staff.login.resumed", who, HM.format(login.shift().startedAt().atZone(zone)))
                : messages.get("staff.login.welcome", who));
        loggedIn.set(login);
    }

    private void failed(RuntimeException e) {
        busy.set(false);
        if (e instanceof StaffException se && se.key().equals("staff.login.needs_password")) {
            mode.set(Mode.SET_PASSWORD);
        }
        message.set(StaffMessages.of(messages, e));
        if (e instanceof StaffException se && se.key().equals("staff.shift.open_by_other")) {
            offerClose();
        }
    }

    /** Looks up the open shift that refused the log-in and offers its closing by a supervisor. */
    private void offerClose() {
        ex.run(() -> staff.openShiftHere().map(s -> new CloseShiftViewModel(staff, messages, zone, ex, s,
                staff.accounts().stream().filter(a -> a.userId().equals(s.userId())).findFirst()
                        .map(com.boothdesk.app.domain.staff.Account::display).orElse(s.userId()))), found -> {
            CloseShiftViewModel vm = found.orElse(null);
            if (vm != null) {
                vm.done().addListener((o, a, b) -> {
                    if (b != null && closeShift.get() == vm) {
                        closeShift.set(null);
                        message.set(messages.get("staff.close_shift.done", vm.title(), b.closedBy()));
                        afterClose.accept(b);
                    }
                });
            }
            closeShift.set(vm);
        }, e -> message.set(StaffMessages.of(messages, e)));
    }

    /** Back to an empty screen (after the attendant left or handed over). */
    public void reset() {
        loggedIn.set(null);
        password.set("");
        newPassword.set("");
        repeatPassword.set("");
        mode.set(Mode.LOGIN);
        message.set("");
        closeShift.set(null);
    }
}
