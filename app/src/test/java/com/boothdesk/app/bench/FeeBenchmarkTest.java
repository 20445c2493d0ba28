package com.boothdesk.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.plate.PlateCandidate;

/** The benchmark measures what it claims: real answers, not dead code or empty inputs. */
class FeeBenchmarkTest {

    private final FeeBenchmark bench = new FeeBenchmark();

    private FeeBenchmark.Stay stay(String file) {
        FeeBenchmark.Stay s = new FeeBenchmark.Stay();
        s.tariffFile = file;
        s.setUp();
        return s;
    }

    @Test
    void ninetyDayStayOnTheDemoIsPricedPerCalendarDay() {
        FeeQuote q = bench.fee90DayStay(stay("demo-default.json"));

        // 27 Aug 07:43 → 25 Nov 09:56 on the demo: 1 元 an hour never reaches the daily cap
        assertThat(q.stayMinutes()).isEqualTo(90 * 24 * 60 + 137);
        assertThat(q.totalFen()).isEqualTo(500 + (90 * 24 + 2) * 100L);
    }

    @Test
    void ninetyDayStayAtTheAirportHitsEveryCap() {
        FeeQuote q = bench.fee90DayStay(stay("airport-escalating.json"));

        // 30 + 40 + 88 × 50, then 2 h 17 min into the 91st window: units start at +0:30 and +1:30, 2 × 5
        assertThat(q.totalFen()).isEqualTo(3000 + 4000 + 88 * 5000 + 1000);
    }

    @Test
    void fuzzyReadFindsItsPlateAmongTenThousand() {
        FeeBenchmark.Lot lot = new FeeBenchmark.Lot();
        lot.setUp();

        assertThat(lot.plates).hasSize(FeeBenchmark.LOT_SIZE).doesNotHaveDuplicates();
        assertThat(bench.fuzzyMatch10k(lot)).extracting(PlateCandidate::plate)
                .contains(lot.plates.get(FeeBenchmark.LOT_SIZE / 3));
        assertThat(bench.fuzzyMatch10k(lot)).noneMatch(PlateCandidate::exact);
        assertThat(bench.exactMatch10k(lot)).singleElement().matches(PlateCandidate::exact);
    }
}
