package com.boothdesk.app.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site soak, short: two booth processes ({@code boothdesk run --headless}) on one real PostgreSQL with the demo's
 * traffic, one booth killed with SIGKILL and the database server restarted during the run; nothing lost, nothing
 * twice, in order, the spaces exact, every replayed read decided. The long run is {@code ./boothdesk bench sitesoak}.
 */
class SiteSoakTest {

    @TempDir
    Path data;

    @Test
    @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
    void twoBoothProcessesOnOneServerWithAKillAndARestart() throws Exception {
        SiteSoakHarness.Result r = SiteSoakHarness.run(2, 40, 200, data);
        assertThat(r.kills()).isEqualTo(1);
        assertThat(r.dbRestarts()).isEqualTo(1);
        assertThat(r.orders()).isGreaterThanOrEqualTo(40);
        assertThat(r.lost()).as("orders lost").isZero();
        assertThat(r.undelivered()).as("messages undelivered").isZero();
        assertThat(r.duplicated()).as("messages twice at the cloud").isZero();
        assertThat(r.outOfOrder()).as("out_park before its in_park").isZero();
        assertThat(r.insideCounters()).as("space counters = cars inside").isEqualTo(r.insideOrders());
        assertThat(r.freeSpaces()).isEqualTo(r.expectedFree());
        assertThat(r.journalLeft()).as("replayed reads left undecided").isZero();
        assertThat(r.passed()).isTrue();
    }
}
