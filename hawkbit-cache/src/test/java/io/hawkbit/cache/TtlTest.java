package io.hawkbit.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TtlTest {

    @ParameterizedTest
    @CsvSource({
        "1d, 86400",
        "2h30m, 9000",
        "1D2H3M4S, 93784",
        "45s, 45",
        "1h, 3600",
        "90m, 5400",
        "1d1s, 86401",
        "0d1s, 1",
        "007s, 7",
        "1m0s, 60",
        " 5m , 300",
        "3H, 10800"
    })
    void parse_acceptsTheGrammar(String text, long seconds) {
        assertThat(Ttl.of(text).toDuration()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "", " ", "1", "s", "1x", "1w", "1ms", "1.5h", "-1s", "+1s", "1h2d", "30s1m", "1h1h", "1d 2h", "1s1s",
                "h1", "1dd", "PT1H", "1 s", "one", "1h-1m", "１s"
            })
    void parse_rejectsEverythingElse(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Ttl.of(text))
                .withMessageContaining("'" + text + "' is not a valid TTL")
                .withMessageContaining(Ttl.GRAMMAR);
    }

    @Test
    void parse_rejectsNull() {
        assertThatIllegalArgumentException().isThrownBy(() -> Ttl.of(null)).withMessageContaining(Ttl.GRAMMAR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0d", "0D0H0M0S", "00m"})
    void parse_rejectsZero(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Ttl.of(text)).withMessageContaining("zero");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"99999999999999999999s", "106751991167301d", "106751991167300d9999999h", "9223372036854775807m"})
    void parse_rejectsOverflowInsteadOfWrapping(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Ttl.of(text)).withMessageContaining("too large");
    }

    @Test
    void parse_largestRepresentableSecondsWork() {
        assertThat(Ttl.of("9223372036854775807s").toDuration()).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
    }

    /** Property: any ordered selection of units with random amounts parses to their sum, in any letter case. */
    @Test
    void parse_roundTripsRandomValidForms() {
        Random random = new Random(42);
        String[] units = {"d", "h", "m", "s"};
        long[] unitSeconds = {86_400, 3_600, 60, 1};
        for (int run = 0; run < 10_000; run++) {
            StringBuilder text = new StringBuilder();
            long expected = 0;
            for (int u = 0; u < 4; u++) {
                if (random.nextBoolean()) {
                    long amount = random.nextInt(100_000);
                    text.append(amount).append(random.nextBoolean() ? units[u] : units[u].toUpperCase());
                    expected += amount * unitSeconds[u];
                }
            }
            if (expected == 0) {
                continue;
            }
            assertThat(Ttl.of(text.toString()).toDuration())
                    .as(text.toString())
                    .isEqualTo(Duration.ofSeconds(expected));
        }
    }

    /** Property: swapping two distinct present units always breaks the largest-first rule. */
    @Test
    void parse_rejectsRandomOutOfOrderForms() {
        Random random = new Random(7);
        String[] units = {"d", "h", "m", "s"};
        for (int run = 0; run < 5_000; run++) {
            int a = random.nextInt(4);
            int b = random.nextInt(4);
            if (a >= b) {
                continue;
            }
            String text = (1 + random.nextInt(99)) + units[b] + (1 + random.nextInt(99)) + units[a];
            assertThatIllegalArgumentException().as(text).isThrownBy(() -> Ttl.of(text));
        }
    }

    @Test
    void equality_isByDuration() {
        assertThat(Ttl.of("60s")).isEqualTo(Ttl.of("1m")).hasToString("60s");
    }
}
