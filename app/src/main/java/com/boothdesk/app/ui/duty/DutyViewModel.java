package com.boothdesk.app.ui.duty;

import java.time.ZoneId;
import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.staff.Duty;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.login.FirstAdminViewModel;
import com.boothdesk.app.ui.login.LoginViewModel;
import com.boothdesk.app.ui.shift.HandoverViewModel;
import com.boothdesk.app.ui.shift.UiExecutors;

/**
 * Which screen the booth window shows over its lanes, following who is on duty:
 * <ul>
 * <li>accounts exist and nobody is on duty: the log-in screen (the lanes stay visible behind it and keep deciding
 *     by themselves; the lane refuses money and manual barrier commands with {@code lane.login_required});</li>
 * <li>someone on duty: the lanes; the handover screen (换班) and the log-out on request;</li>
 * <li>no admin yet (the demo, a booth never set up): the lanes as before, orders booked to {@code booth.operator};
 *     the first-admin screen on request (header button), never forced: a commissioned booth gets its admin in the
 *     first-run wizard;</li>
 * <li>closing the window: a password ({@link StaffService#leave}) once accounts exist.</li>
 * </ul>
 * The duty text of the header (who, since when, taken this shift) is {@link #dutyText()}.
 */
public final class DutyViewModel implements AutoCloseable {

    /** What covers the lanes. */
    public enum Screen { NONE, LOGIN, FIRST_ADMIN, HANDOVER, LEAVE }

    private final StaffService staff;
    private final Messages messages;
    private final ZoneId zone;
    private final UiExecutors ex;
    private final boolean demo;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.NONE);
    private final BooleanProperty onDuty = new SimpleBooleanProperty(false);
    private final BooleanProperty needsFirstAdmin = new SimpleBooleanProperty(false);
    private final StringProperty dutyText = new SimpleStringProperty("");
    private final LoginViewModel login;
    private final ObjectProperty<FirstAdminViewModel> firstAdmin = new SimpleObjectProperty<>();
    private final ObjectProperty<HandoverViewModel> handover = new SimpleObjectProperty<>();
    private final ObjectProperty<LeaveViewModel> leave = new SimpleObjectProperty<>();
    private final Observable.Subscription subscription;
    /** back5: the header's duty line follows the language switch. */
    private final Observable.Subscription languageSubscription;
    private Runnable exit = () -> { };
    private java.util.function.Consumer<com.boothdesk.app.domain.staff.HandoverRecord> afterHandover = r -> { };
    private final StringProperty notice = new SimpleStringProperty("");
    private Duty last = Duty.NOBODY;

    public DutyViewModel(StaffService staff, Messages messages, ZoneId zone, UiExecutors ex, boolean demo) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.ex = Objects.requireNonNull(ex, "ex");
        this.demo = demo;
        this.login = new LoginViewModel(staff, messages, zone, ex);
        login.onShiftClosed(r -> afterHandover.accept(r)); // a shift a supervisor closed: its report, as a handover's
        needsFirstAdmin.set(staff.needsFirstAdmin());
        subscription = staff.duty().subscribe(d -> ex.ui().execute(() -> dutyChanged(d)));
        dutyChanged(staff.duty().get());
        languageSubscription = messages.language().subscribe(l -> ex.ui().execute(() -> dutyText.set(dutyLine(last))));
    }

    /** What follows a stored handover (the window prints the outgoing shift's report). */
    public void onHandedOver(java.util.function.Consumer<com.boothdesk.app.domain.staff.HandoverRecord> action) {
        this.afterHandover = Objects.requireNonNull(action, "action");
    }

    /** The last outcome worth a line on the screen (the report printed, or why not). */
    public StringProperty notice() {
        return notice;
    }

    /** What the window does once leaving was confirmed (closes the stage). */
    public void onExit(Runnable action) {
        this.exit = Objects.requireNonNull(action, "action");
    }

    private void dutyChanged(Duty d) {
        last = d;
        onDuty.set(d.onDuty());
        dutyText.set(dutyLine(d));
        settle();
    }

    private String dutyLine(Duty d) {
        if (d.onDuty()) {
            return messages.get("staff.duty.on", d.name() == null || d.name().isEmpty() ? d.userId()
                    : d.name() + "(" + d.userId() + ")", java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .format(d.since().atZone(zone)), com.boothdesk.sdk.message.Fen.format(d.receivedFen()));
        }
        return needsFirstAdmin.get() ? "" : messages.get("staff.duty.nobody");
    }

    /** Chooses the screen from who is on duty, keeping a screen the attendant opened. */
    private void settle() {
        Screen now = screen.get();
        if (onDuty.get()) {
            if (now == Screen.LOGIN) {
                login.reset();
                screen.set(Screen.NONE);
            }
            return;
        }
        // nobody on duty
        if (now == Screen.HANDOVER && handover.get() != null) {
            return; // the handover screen closes itself once the record is stored (then: the log-in)
        }
        if (now == Screen.LEAVE && leave.get() != null && leave.get().purpose() == LeaveViewModel.Purpose.EXIT) {
            return; // leaving with nobody on duty still asks the password
        }
        if (now == Screen.FIRST_ADMIN) {
            return;
        }
        screen.set(needsFirstAdmin.get() ? Screen.NONE : Screen.LOGIN);
    }

    // ---- the attendant's commands -----------------------------------------------------------------------------

    /** The first-admin screen (header button while the booth has no admin). */
    public void openFirstAdmin() {
        if (!staff.needsFirstAdmin()) {
            needsFirstAdmin.set(false);
            settle();
            return;
        }
        FirstAdminViewModel vm = new FirstAdminViewModel(staff, messages, ex);
        vm.created().addListener((o, a, b) -> {
            if (b != null) {
                needsFirstAdmin.set(false);
                firstAdmin.set(null);
                screen.set(Screen.NONE);
                dutyChanged(last);
                login.userId().set(b.userId());
                login.message().set(messages.get("staff.admin.created", b.display()));
            }
        });
        firstAdmin.set(vm);
        screen.set(Screen.FIRST_ADMIN);
    }

    /** The handover screen (换班), for the attendant on duty. */
    public void openHandover() {
        if (!onDuty.get()) {
            return;
        }
        HandoverViewModel vm = new HandoverViewModel(staff, messages, zone, ex);
        vm.done().addListener((o, a, b) -> {
            if (b != null && handover.get() == vm) {
                vm.close();
                handover.set(null);
                screen.set(Screen.NONE);
                login.message().set(messages.get("staff.handover.done",
                        b.differenceFen() == null ? "-" : com.boothdesk.sdk.message.Fen.format(b.differenceFen())));
                settle(); // the incoming attendant is on duty now: the lanes; nobody: the log-in screen
                afterHandover.accept(b);
            }
        });
        handover.set(vm);
        screen.set(Screen.HANDOVER);
        vm.refresh();
        vm.follow();
    }

    /** Log-out: the attendant's password; the shift stays open (the handover closes it). */
    public void logOut() {
        if (!onDuty.get()) {
            return;
        }
        leave.set(new LeaveViewModel(staff, messages, ex, LeaveViewModel.Purpose.LOG_OUT, () -> {
            leave.set(null);
            screen.set(Screen.NONE);
            settle();
        }));
        screen.set(Screen.LEAVE);
    }

    /**
     * The window is being closed: true when it may close at once (no accounts yet, the demo), else the password
     * screen is shown and {@link #onExit} runs once it is accepted.
     */
    public boolean requestExit() {
        if (staff.needsFirstAdmin()) {
            return true;
        }
        leave.set(new LeaveViewModel(staff, messages, ex, LeaveViewModel.Purpose.EXIT, () -> {
            leave.set(null);
            screen.set(Screen.NONE);
            exit.run();
        }));
        screen.set(Screen.LEAVE);
        return false;
    }

    /** Back from a screen the attendant opened (the handover, the first admin, the password) without doing it. */
    public void back() {
        if (handover.get() != null) {
            handover.get().close();
        }
        handover.set(null);
        firstAdmin.set(null);
        leave.set(null);
        screen.set(Screen.NONE);
        settle();
    }

    public ReadOnlyObjectProperty<Screen> screen() {
        return screen.getReadOnlyProperty();
    }

    public BooleanProperty onDuty() {
        return onDuty;
    }

    public BooleanProperty needsFirstAdmin() {
        return needsFirstAdmin;
    }

    /** The header's duty line: who, since when, taken this shift; empty while the booth has no accounts. */
    public StringProperty dutyText() {
        return dutyText;
    }

    public boolean demo() {
        return demo;
    }

    public LoginViewModel login() {
        return login;
    }

    public ObjectProperty<FirstAdminViewModel> firstAdmin() {
        return firstAdmin;
    }

    public ObjectProperty<HandoverViewModel> handover() {
        return handover;
    }

    public ObjectProperty<LeaveViewModel> leave() {
        return leave;
    }

    @Override
    public void close() {
        subscription.close();
        languageSubscription.close();
    }
}
