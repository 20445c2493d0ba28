package com.boothdesk.app.domain.staff;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which actions need a supervisor's confirmation at this site.
 *
 * @param actions         the supervised actions
 * @param freeAboveFen    a free release needs a supervisor only when it forgives more than this (0: every free
 *                        release with a fee; ignored unless {@link SupervisedAction#FREE_RELEASE} is in {@code actions})
 */
public record SupervisorPolicy(Set<SupervisedAction> actions, long freeAboveFen) {

    public SupervisorPolicy {
        actions = actions.isEmpty() ? EnumSet.noneOf(SupervisedAction.class) : EnumSet.copyOf(actions);
        if (freeAboveFen < 0) {
            throw new IllegalArgumentException("freeAboveFen < 0");
        }
    }

    /** The default: closing another's shift always needs a supervisor; the rest as the site configures. */
    public static SupervisorPolicy defaults() {
        return new SupervisorPolicy(EnumSet.of(SupervisedAction.CLOSE_OTHERS_SHIFT), 0);
    }

    /**
     * Whether {@code action} needs a supervisor when it concerns {@code amountFen} (the amount forgiven for a free
     * release, the fee for the others; 0 when there is none).
     */
    public boolean requires(SupervisedAction action, long amountFen) {
        Objects.requireNonNull(action, "action");
        if (!actions.contains(action)) {
            return false;
        }
        if (action == SupervisedAction.FREE_RELEASE) {
            return freeAboveFen == 0 || amountFen > freeAboveFen;
        }
        return true;
    }
}
