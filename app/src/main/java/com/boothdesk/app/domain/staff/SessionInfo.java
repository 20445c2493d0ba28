package com.boothdesk.app.domain.staff;

import java.time.Instant;

/**
 * A live log-in: which account, on which workstation, since when. {@code instance} names the running booth process,
 * so that a session left by a crash (another instance) is recognised and taken over.
 */
public record SessionInfo(String userId, String workstation, String instance, Instant since) {
}
