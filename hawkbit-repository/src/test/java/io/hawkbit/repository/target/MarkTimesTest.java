package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkTimesTest {

    @Test
    void namesEachPartOfTheRunAndTheLongestBatch() {
        MarkTimes times = new MarkTimes();
        // Two batches: 10 + 20 + 50 ms of statements in 100 ms, then an empty one (its select only) in 5 ms.
        times.select(10_000_000);
        times.update(50_000_000);
        times.readBack(20_000_000);
        times.batch(100_000_000);
        times.select(4_000_000);
        times.batch(5_000_000);
        assertThat(times)
                .hasToString("2 batches, 105 ms: select 14 ms, update 50 ms, read-back 20 ms, commit and event 21 ms;"
                        + " longest batch 100 ms");
    }
}
