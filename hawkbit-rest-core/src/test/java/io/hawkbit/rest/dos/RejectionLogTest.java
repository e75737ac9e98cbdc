package io.hawkbit.rest.dos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RejectionLogTest {

    @Test
    void log_writesOneLinePerInterval_andCountsTheRest() {
        FakeTicker ticker = new FakeTicker();
        List<String> lines = new ArrayList<>();
        RejectionLog log = new RejectionLog(lines::add, ticker, Duration.ofSeconds(10));
        for (int i = 0; i < 1000; i++) {
            log.rejected(() -> "rejected");
        }
        assertThat(lines).containsExactly("rejected");
        ticker.advance(Duration.ofSeconds(9));
        log.rejected(() -> "rejected");
        assertThat(lines).hasSize(1);
        ticker.advance(Duration.ofSeconds(1));
        log.rejected(() -> "again");
        assertThat(lines).containsExactly("rejected", "again (1000 more rejections not logged since the last line)");
    }

    @Test
    void retryAfter_roundsUpToWholeSecondsOfAtLeastOne() {
        assertThat(RejectedResponse.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(RejectedResponse.retryAfterSeconds(1_000_000_000L)).isEqualTo(1);
        assertThat(RejectedResponse.retryAfterSeconds(1_000_000_001L)).isEqualTo(2);
        assertThat(RejectedResponse.retryAfterSeconds(Duration.ofMinutes(5).toNanos()))
                .isEqualTo(300);
    }
}
