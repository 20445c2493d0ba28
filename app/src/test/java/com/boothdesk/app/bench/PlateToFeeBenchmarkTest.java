package com.boothdesk.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The UI benchmark measures what it says: every round ends with that car's fee on the exit panel. */
class PlateToFeeBenchmarkTest {

    @Test
    void everyRoundEndsWithTheFeeOnTheExitPanel() throws Exception {
        List<long[]> rounds = PlateToFeeBenchmark.run(3, 1);
        assertThat(rounds).hasSize(3).allSatisfy(t -> {
            assertThat(t[0]).isPositive();
            assertThat(t[1]).isPositive().isLessThanOrEqualTo(t[0]);
        });
    }
}
