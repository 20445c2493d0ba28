package com.boothdesk.app.domain.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts, sessions and shifts are kept (H2 in {@code store.staff}). Every method that changes something the
 * cloud must hear of queues the uplink in the same transaction (2.4 for accounts, 2.5 for shift start and end, the
 * 2.22 handover record).
 */
public interface StaffStore {

    Optional<Account> account(String userId);

    List<Account> accounts();

    boolean anyAdmin();

    /** A new account, its collector row and its 2.4 upload (add). */
    void create(Account a, Instant now);

    /** Name, sex or role changed: stored and uploaded (2.4 change). */
    void update(Account a, Instant now);

    /** Deleted with its collector row, uploaded (2.4 delete). */
    void delete(String userId, Instant now);

    /** The credential and the failure count (no upload: the cloud never sees booth passwords). */
    void saveLoginState(Account a, Instant now);

    Optional<SessionInfo> session(String userId);

    void openSession(SessionInfo s);

    void closeSession(String userId);

    Optional<Shift> openShift(String workstation);

    Optional<Shift> shift(String shiftId);

    /** The most recent closed shift of this workstation. */
    Optional<Shift> lastClosed(String workstation);

    /** Shifts that started in [from, to), newest first. */
    List<Shift> shifts(Instant from, Instant to);

    /** Stores a new shift and queues its 2.5 work_record (state 0). */
    void startShift(Shift s);

    /**
     * In one transaction: books the shift's orders to it, ends it, stores the handover record and queues the 2.5
     * work_record (state 1) and the handover record uplink, then, when {@code next} is given, starts that shift
     * (its work_record state 0 after them).
     */
    void closeShift(HandoverRecord handover, Shift next);

    /** What happened in the shift up to {@code until} (its end when closed). */
    ShiftLedger ledger(Shift s, Instant until);

    Optional<HandoverRecord> handover(String shiftId);

    /** Records a confirmation, returns its id. */
    long recordConfirmation(Confirmation c);
}
