package com.boothdesk.app.domain.staff;

import java.time.Instant;

/** A supervisor's confirmation of one action, recorded with it. */
public record Confirmation(long id, SupervisedAction action, String supervisor, String attendant, long amountFen,
                           String subject, Instant at) {
}
