package com.boothdesk.app.ui.port;

import java.util.concurrent.CompletableFuture;

import com.boothdesk.app.domain.staff.SupervisedAction;

/**
 * What a lane asks before an action the site may reserve to a supervisor (free release, manual lift, no-record fee):
 * completes {@code true} when the action may go ahead (the site does not reserve it, or a supervisor confirmed it and
 * the confirmation is recorded), {@code false} when the supervisor's dialog was cancelled. The running booth answers
 * through {@code ui.shift.SupervisorGate}; view-model tests answer themselves.
 */
@FunctionalInterface
public interface SupervisorCheck {

    /** No supervisor rights configured (the demo without accounts, view-model tests of other rules). */
    SupervisorCheck NONE = (action, amountFen, subject) -> CompletableFuture.completedFuture(true);

    CompletableFuture<Boolean> approve(SupervisedAction action, long amountFen, String subject);
}
