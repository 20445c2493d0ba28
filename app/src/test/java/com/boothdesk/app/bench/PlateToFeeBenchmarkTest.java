package com.boothdesk.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The UI benchmark measures what it says: every round ends with that car's fee on the exit panel. */
class PlateToFeeBenchmarkTest {

    @Test
    void everyRoundEndsWithTheFeeOnTheExitPanel() throws Exception {
        List<Long> micros = PlateToFeeBenchmark.run(3, 1);
        assertThat(micros).hasSize(3).allSatisfy(t -> assertThat(t).isPositive());
    }
}
