package com.boothdesk.app.ui.shift;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.boothdesk.app.domain.staff.Confirmation;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.domain.staff.SupervisedAction;
import com.boothdesk.app.ui.Messages;

/**
 * What a lane view-model calls before an action the site may reserve to supervisors:
 *
 * <pre>{@code
 * gate.require(SupervisedAction.FREE_RELEASE, forgivenFen, plate)
 *     .thenAccept(confirmation -> lane.releaseFree(reason));   // empty Optional: no confirmation needed
 * }</pre>
 *
 * <p>When the site's policy does not reserve the action, the future is already complete (empty). Otherwise
 * {@code open} shows the dialog for the new {@link SupervisorDialogViewModel} (the view:
 * {@link SupervisorDialog#show}); the future completes with the confirmation, or is cancelled.
 */
public final class SupervisorGate {

    private final StaffService staff;
    private final Messages messages;
    private final UiExecutors ex;
    private final Consumer<SupervisorDialogViewModel> open;

    public SupervisorGate(StaffService staff, Messages messages, UiExecutors ex,
                          Consumer<SupervisorDialogViewModel> open) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.ex = Objects.requireNonNull(ex, "ex");
        this.open = Objects.requireNonNull(open, "open");
    }

    public CompletableFuture<Optional<Confirmation>> require(SupervisedAction action, long amountFen,
                                                             String subject) {
        if (!staff.requiresSupervisor(action, amountFen)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        SupervisorDialogViewModel vm = new SupervisorDialogViewModel(staff, messages, ex, action, amountFen, subject);
        open.accept(vm);
        return vm.result().thenApply(Optional::of);
    }
}
