package com.boothdesk.app.domain.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;

/**
 * Accounts, log-in, shifts, handover and supervisor confirmation: every rule, on a {@link StaffStore}.
 *
 * <ul>
 *   <li>Passwords only reach {@link PasswordHasher}; they are never logged, never kept (char arrays, wiped).</li>
 *   <li>{@code maxFailures} wrong passwords lock the account for {@code lockFor} (the injected clock decides).</li>
 *   <li>One live session per account: a second log-in is refused with where and since when it is logged in. A
 *       session left by a crashed booth process is taken over.</li>
 *   <li>One open shift per workstation. A log-in resumes the attendant's own open shift (after a crash or a
 *       restart) or starts one; another attendant's open shift must be handed over or closed by a supervisor.</li>
 * </ul>
 *
 * <p>Thread-safe: the methods that change state are serialised on this object (log-ins are rare).
 */
public final class StaffService {

    private static final Logger LOG = LoggerFactory.getLogger(StaffService.class);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffStore store;
    private final StaffSettings settings;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ZoneId zone;
    private final String workstation;
    private final String instance = UUID.randomUUID().toString();
    private final Observable<Duty> duty = new Observable<>(Duty.NOBODY);

    /** The attendant on duty here and the shift; guarded by this. */
    private Account onDuty;
    private Shift shift;

    public StaffService(StaffStore store, StaffSettings settings, PasswordHasher hasher, Clock clock,
                        String workstation) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = clock.getZone();
        this.workstation = Objects.requireNonNull(workstation, "workstation");
    }

    public StaffSettings settings() {
        return settings;
    }

    public String workstation() {
        return workstation;
    }

    /** Who is on duty, since when, the money taken this shift (refresh with {@link #refreshDuty}). */
    public Observable<Duty> duty() {
        return duty;
    }

    /** The attendant on duty, for every order, gate event and upload; {@code null} while nobody is logged in. */
    public Supplier<String> operator() {
        return () -> {
            Duty d = duty.get();
            return d.onDuty() ? d.userId() : null;
        };
    }

    public synchronized Optional<Account> onDuty() {
        return Optional.ofNullable(onDuty);
    }

    public synchronized Optional<Shift> currentShift() {
        return Optional.ofNullable(shift);
    }

    // ---- accounts ---------------------------------------------------------------------------------------------

    /** Whether the booth still needs its first admin (the installer creates it; there is no default password). */
    public boolean needsFirstAdmin() {
        return !store.anyAdmin();
    }

    /**
     * The first admin, created by the person installing the booth (first-run wizard, {@code account create-admin}).
     * Refused once an admin exists.
     */
    public synchronized Account createFirstAdmin(String userId, String name, char[] password) {
        if (store.anyAdmin()) {
            PasswordHasher.wipe(password);
            throw new StaffException("staff.admin.exists", "an admin exists already");
        }
        return create(userId, name, 0, Role.ADMIN, password);
    }

    /** An account made at the booth by a logged-in admin; uploaded as 2.4 (add). */
    public synchronized Account createAccount(String byAdmin, String userId, String name, int sex, Role role,
                                              char[] password) {
        requireAdmin(byAdmin);
        return create(userId, name, sex, role, password);
    }

    private Account create(String userId, String name, int sex, Role role, char[] password) {
        String id;
        try {
            id = Account.checkId(userId);
        } catch (IllegalArgumentException e) {
            PasswordHasher.wipe(password);
            throw new StaffException("staff.account.bad_id", e.getMessage(), Account.MAX_ID);
        }
        if (store.account(id).isPresent()) {
            PasswordHasher.wipe(password);
            throw new StaffException("staff.account.exists", id, id);
        }
        String credential = password == null ? null : hash(password);
        Account a = new Account(id, cut(name, 24), sex, role, credential, 0, null);
        store.create(a, clock.instant());
        LOG.info("Account {} created as {}", a.userId(), role);
        return a;
    }

    /** An admin changes an account's name, sex or role; uploaded as 2.4 (change). */
    public synchronized Account updateAccount(String byAdmin, String userId, String name, int sex, Role role) {
        requireAdmin(byAdmin);
        Account a = store.account(userId).orElseThrow(() -> new StaffException("staff.account.unknown", userId,
                userId));
        Account b = new Account(a.userId(), cut(name, 24), sex, role, a.credential(), a.failedLogins(),
                a.lockedUntil());
        store.update(b, clock.instant());
        LOG.info("Account {} changed: {}", b.userId(), role);
        return b;
    }

    /** An admin deletes an account (not one on duty); uploaded as 2.4 (delete). */
    public synchronized void deleteAccount(String byAdmin, String userId) {
        requireAdmin(byAdmin);
        if (onDuty != null && onDuty.userId().equals(userId)) {
            throw new StaffException("staff.account.on_duty", userId, userId);
        }
        store.account(userId).orElseThrow(() -> new StaffException("staff.account.unknown", userId, userId));
        store.delete(userId, clock.instant());
        LOG.info("Account {} deleted", userId);
    }

    /** An admin sets (or resets) a booth password; the lock-out is lifted. */
    public synchronized void setPassword(String byAdmin, String userId, char[] password) {
        requireAdmin(byAdmin);
        Account a = store.account(userId).orElseThrow(() -> {
            PasswordHasher.wipe(password);
            return new StaffException("staff.account.unknown", userId, userId);
        });
        store.saveLoginState(a.withCredential(hash(password)), clock.instant());
        LOG.info("Password of {} set by {}", userId, byAdmin);
    }

    /** A collector synced from the cloud sets its first booth password at the log-in screen (if the site allows). */
    public synchronized void setFirstPassword(String userId, char[] password) {
        Account a = store.account(userId == null ? "" : userId.trim()).orElse(null);
        if (a == null || a.hasPassword()) {
            PasswordHasher.wipe(password);
            throw new StaffException(a == null ? "staff.login.wrong" : "staff.password.already_set", "not allowed");
        }
        if (!settings.selfServiceFirstPassword()) {
            PasswordHasher.wipe(password);
            throw new StaffException("staff.password.ask_admin", "self service is off");
        }
        store.saveLoginState(a.withCredential(hash(password)), clock.instant());
        LOG.info("First booth password of {} set", a.userId());
    }

    public List<Account> accounts() {
        return store.accounts();
    }

    private void requireAdmin(String byAdmin) {
        Account by = byAdmin == null ? null : store.account(byAdmin).orElse(null);
        if (by == null || !by.role().administers() || store.session(byAdmin).isEmpty()) {
            throw new StaffException("staff.account.not_admin", String.valueOf(byAdmin));
        }
    }

    private String hash(char[] password) {
        try {
            if (password == null || password.length < settings.minPasswordLength()) {
                throw new StaffException("staff.password.too_short", "too short", settings.minPasswordLength());
            }
            return hasher.hash(password);
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    // ---- log-in -----------------------------------------------------------------------------------------------

    /**
     * Checks a user id and password (lock-out counted), without logging in. Used by the log-in, the handover's
     * incoming attendant, the supervisor dialog and leaving the application. The password is wiped.
     *
     * @throws StaffException staff.login.wrong / staff.login.locked / staff.login.needs_password
     */
    public synchronized Account authenticate(String userId, char[] password) {
        try {
            String id = userId == null ? "" : userId.trim();
            Instant now = clock.instant();
            Account a = id.isEmpty() ? null : store.account(id).orElse(null);
            if (a == null) {
                LOG.info("Log-in refused: unknown user id '{}'", safe(id));
                throw new StaffException("staff.login.wrong", "unknown user");
            }
            if (a.lockedAt(now)) {
                LOG.info("Log-in of {} refused: locked until {}", a.userId(), a.lockedUntil());
                throw new StaffException("staff.login.locked", "locked", time(a.lockedUntil()));
            }
            if (!a.hasPassword()) {
                throw new StaffException("staff.login.needs_password", "no booth password yet", a.userId());
            }
            if (!hasher.verify(password, a.credential())) {
                int failures = a.failedLogins() + 1;
                if (failures >= settings.maxFailures()) {
                    Instant until = now.plus(settings.lockFor());
                    store.saveLoginState(a.withFailures(0, until), now);
                    LOG.warn("Account {} locked until {} after {} wrong passwords", a.userId(), until, failures);
                    throw new StaffException("staff.login.locked", "locked now", time(until));
                }
                store.saveLoginState(a.withFailures(failures, null), now);
                LOG.info("Wrong password for {} ({} of {})", a.userId(), failures, settings.maxFailures());
                throw new StaffException("staff.login.wrong_left", "wrong password",
                        settings.maxFailures() - failures, settings.lockFor().toMinutes());
            }
            Account ok = a;
            if (hasher.needsRehash(a.credential())) {
                ok = a.withCredential(hasher.hash(password));
            } else if (a.failedLogins() > 0 || a.lockedUntil() != null) {
                ok = a.withFailures(0, null);
            }
            if (ok != a) {
                store.saveLoginState(ok, now);
            }
            return ok;
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    /** What a log-in did. */
    public record Login(Account account, Shift shift, boolean resumed) {
    }

    /**
     * Logs an attendant in and starts their shift, or resumes their open one.
     *
     * @throws StaffException wrong password, locked, second session, or another attendant's shift still open
     */
    public synchronized Login login(String userId, char[] password) {
        Account a = authenticate(userId, password);
        Instant now = clock.instant();
        refuseSecondSession(a);
        Optional<Shift> open = store.openShift(workstation);
        if (open.isPresent() && !open.get().userId().equals(a.userId())) {
            Shift o = open.get();
            throw new StaffException("staff.shift.open_by_other", "shift " + o.shiftId() + " open",
                    display(o.userId()), time(o.startedAt()));
        }
        boolean resumed = open.isPresent();
        Shift s = open.orElseGet(() -> newShift(a.userId(), now));
        if (!resumed) {
            store.startShift(s);
        }
        beginSession(a, s, now);
        LOG.info("{} logged in at {}: shift {} {}", a.userId(), workstation, s.shiftId(),
                resumed ? "resumed (open since " + s.startedAt() + ")" : "started");
        return new Login(a, s, resumed);
    }

    private void refuseSecondSession(Account a) {
        Optional<SessionInfo> live = store.session(a.userId());
        if (live.isEmpty()) {
            return;
        }
        SessionInfo s = live.get();
        if (s.instance().equals(instance) || !s.workstation().equals(workstation)) {
            LOG.info("Second log-in of {} refused: logged in at {} since {}", a.userId(), s.workstation(), s.since());
            throw new StaffException("staff.login.second_session", "already logged in", s.workstation(),
                    time(s.since()));
        }
        LOG.warn("Session of {} left by an earlier run at {} (since {}) is taken over", a.userId(), s.workstation(),
                s.since());
        store.closeSession(a.userId());
    }

    private void beginSession(Account a, Shift s, Instant now) {
        store.openSession(new SessionInfo(a.userId(), workstation, instance, now));
        onDuty = a;
        shift = s;
        refreshDuty();
    }

    private void endSession() {
        if (onDuty != null) {
            store.closeSession(onDuty.userId());
        }
        onDuty = null;
        shift = null;
        duty.set(Duty.NOBODY);
    }

    /**
     * Leaving the application: needs the on-duty attendant's password (or a supervisor's). The shift stays open and
     * is resumed at the next log-in.
     */
    public synchronized void leave(String userId, char[] password) {
        Account a = authenticate(userId, password);
        if (onDuty != null && !a.userId().equals(onDuty.userId()) && !a.role().supervises()) {
            throw new StaffException("staff.leave.not_allowed", a.userId());
        }
        LOG.info("{} leaves the application (confirmed by {}); shift {} stays open", onDuty == null ? "-"
                : onDuty.userId(), a.userId(), shift == null ? "-" : shift.shiftId());
        endSession();
    }

    // ---- shifts and handover ------------------------------------------------------------------------------------

    /** The figures of the shift on duty now. */
    public synchronized ShiftTotals currentTotals() {
        if (shift == null) {
            throw new StaffException("staff.shift.none", "nobody on duty");
        }
        return ShiftTotals.of(store.ledger(shift, clock.instant()));
    }

    public ShiftLedger ledger(Shift s) {
        return store.ledger(s, s.open() ? clock.instant() : s.endedAt());
    }

    /** Recomputes the header's figures (the status ticker and every settled exit call it). */
    public synchronized void refreshDuty() {
        if (onDuty == null || shift == null) {
            duty.set(Duty.NOBODY);
            return;
        }
        ShiftTotals t = ShiftTotals.of(store.ledger(shift, clock.instant()));
        duty.set(new Duty(onDuty.userId(), onDuty.name(), onDuty.role(), shift.shiftId(), shift.startedAt(),
                t.receivedFen(), t.cashFen()));
    }

    /**
     * The handover (换班): ends the shift on duty with the counted cash and a remark and, when an incoming attendant
     * logs in on the same screen, starts their shift, in one transaction. With no incoming attendant the booth is
     * left with nobody logged in.
     *
     * @param counted  the cash counted (by denomination or total), {@code null} if not counted
     * @param incoming the next attendant's user id, or {@code null}
     * @throws StaffException a difference without a remark, the incoming attendant's log-in refused
     */
    public synchronized HandoverRecord handover(CashCount counted, String remark, String incoming,
                                                char[] incomingPassword) {
        if (shift == null || onDuty == null) {
            PasswordHasher.wipe(incomingPassword);
            throw new StaffException("staff.shift.none", "nobody on duty");
        }
        Instant now = clock.instant();
        ShiftTotals totals = ShiftTotals.of(store.ledger(shift, now));
        String note = cut(remark == null ? "" : remark.trim(), 255);
        if (counted != null && counted.totalFen() != totals.expectedCashFen() && note.isEmpty()) {
            PasswordHasher.wipe(incomingPassword);
            throw new StaffException("staff.handover.remark_required", "difference without remark");
        }
        Account next = null;
        if (incoming != null && !incoming.isBlank()) {
            if (incoming.trim().equals(onDuty.userId())) {
                PasswordHasher.wipe(incomingPassword);
                throw new StaffException("staff.handover.same_person", incoming);
            }
            next = authenticate(incoming, incomingPassword);
            refuseSecondSession(next);
        } else {
            PasswordHasher.wipe(incomingPassword);
        }
        HandoverRecord record = new HandoverRecord(shift.closed(now, onDuty.userId()), now, totals, counted, note,
                next == null ? null : next.userId(), onDuty.userId());
        Shift nextShift = next == null ? null : newShift(next.userId(), now);
        store.closeShift(record, nextShift);
        LOG.info("Shift {} of {} handed over to {}: expected cash {} fen, counted {}, difference {}",
                shift.shiftId(), onDuty.userId(), next == null ? "nobody" : next.userId(), totals.expectedCashFen(),
                counted == null ? "-" : counted.totalFen(), record.differenceFen());
        endSession();
        if (next != null) {
            beginSession(next, nextShift, now);
        }
        return record;
    }

    /**
     * A supervisor closes a shift an attendant left open (after a crash, a sick leave): no cash counted, the remark
     * says why. The supervisor's confirmation is recorded.
     */
    public synchronized HandoverRecord closeShift(String shiftId, String supervisor, char[] password,
                                                  String remark) {
        Shift s = store.shift(shiftId).filter(Shift::open).orElseThrow(() -> {
            PasswordHasher.wipe(password);
            return new StaffException("staff.shift.not_open", shiftId, shiftId);
        });
        Confirmation c = confirm(SupervisedAction.CLOSE_OTHERS_SHIFT, 0, "shift " + shiftId, supervisor, password,
                s.userId());
        Instant now = clock.instant();
        HandoverRecord record = new HandoverRecord(s.closed(now, c.supervisor()), now,
                ShiftTotals.of(store.ledger(s, now)), null, cut(remark == null ? "" : remark.trim(), 255), null,
                c.supervisor());
        store.closeShift(record, null);
        if (shift != null && shift.shiftId().equals(shiftId)) {
            endSession();
        } else {
            store.closeSession(s.userId());
        }
        LOG.info("Shift {} of {} closed by supervisor {}", shiftId, s.userId(), c.supervisor());
        return record;
    }

    /** The open shift of this workstation, whoever it belongs to. */
    public Optional<Shift> openShiftHere() {
        return store.openShift(workstation);
    }

    public Optional<Shift> shift(String shiftId) {
        return store.shift(shiftId);
    }

    public Optional<Shift> lastClosedShift() {
        return store.lastClosed(workstation);
    }

    public Optional<HandoverRecord> handoverOf(String shiftId) {
        return store.handover(shiftId);
    }

    private Shift newShift(String userId, Instant now) {
        String id = "S" + DateTimeFormatter.ofPattern("yyMMddHHmmss").format(now.atZone(zone))
                + Integer.toString(1296 + RANDOM.nextInt(46656 - 1296), 36).toUpperCase();
        return new Shift(id, userId, workstation, now, null, null);
    }

    // ---- supervisor -------------------------------------------------------------------------------------------

    /** Whether the site reserves {@code action} (concerning {@code amountFen}) to a supervisor. */
    public boolean requiresSupervisor(SupervisedAction action, long amountFen) {
        return settings.supervisor().requires(action, amountFen);
    }

    /**
     * A supervisor confirms {@code action} with their own id and password (their PIN is their booth password); the
     * confirmation is recorded with the attendant on duty.
     *
     * @throws StaffException wrong password, locked, or the account is not a supervisor
     */
    public synchronized Confirmation confirm(SupervisedAction action, long amountFen, String subject,
                                             String supervisor, char[] password) {
        return confirm(action, amountFen, subject, supervisor, password, onDuty == null ? null : onDuty.userId());
    }

    private Confirmation confirm(SupervisedAction action, long amountFen, String subject, String supervisor,
                                 char[] password, String attendant) {
        Account a = authenticate(supervisor, password);
        if (!a.role().supervises()) {
            LOG.info("{} of {} refused: {} is not a supervisor", action, subject, a.userId());
            throw new StaffException("staff.supervisor.not_supervisor", a.userId(), a.display());
        }
        Instant now = clock.instant();
        Confirmation c = new Confirmation(0, action, a.userId(), attendant, amountFen, cut(subject, 128), now);
        long id = store.recordConfirmation(c);
        LOG.info("Supervisor {} confirmed {} ({} fen, {}) for {}", a.userId(), action, amountFen, subject, attendant);
        return new Confirmation(id, action, a.userId(), attendant, amountFen, c.subject(), now);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private String display(String userId) {
        return store.account(userId).map(Account::display).orElse(userId);
    }

    private String time(Instant t) {
        return HM.format(t.atZone(zone));
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** A typed user id for the log: cut, control characters escaped. */
    private static String safe(String s) {
        String c = cut(s, 24);
        StringBuilder sb = new StringBuilder();
        for (char ch : c.toCharArray()) {
            sb.append(Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return sb.toString();
    }
}
