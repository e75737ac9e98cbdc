package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerIdsTest {

    @Test
    void check_refusesIdsNoPathCanAddressAgain() {
        for (String id : List.of(
                "",
                ".",
                "..",
                "a/b",
                "a\\b",
                "a;b",
                "%2e%2e",
                "dev%42",
                "a\u0000b",
                "a b",
                "a\tb",
                "a\nb",
                "a\u00a0b",
                "a\u2028b",
                "a\u3000b",
                "a\u007fb",
                "a\u0085b",
                "x".repeat(257))) {
            assertThatThrownBy(() -> ControllerIds.check(id))
                    .as(id)
                    .isInstanceOf(HawkbitException.class)
                    .hasMessageContaining("controllerId")
                    .satisfies(e ->
                            assertThat(((HawkbitException) e).error()).isEqualTo(ServerError.CONSTRAINT_VIOLATION));
        }
        assertThatThrownBy(() -> ControllerIds.check(null)).isInstanceOf(HawkbitException.class);
    }

    @Test
    void check_acceptsOtherCharacters() {
        for (String id :
                List.of("dev-1", "a.b", "...", "a:b", "a?b", "a#b", "a+b", "a@b", "dév-☃", "日本", "x".repeat(256))) {
            assertThatCode(() -> ControllerIds.check(id)).as(id).doesNotThrowAnyException();
        }
    }

    @Test
    void check_showsControlCharactersEscaped() {
        assertThatThrownBy(() -> ControllerIds.check("a\u0000b")).hasMessageEndingWith("got 'a\\u0000b'");
    }

    @Test
    void defaultName_isTheIdCutTo128_withoutSplittingACharacter() {
        assertThat(ControllerIds.defaultName("dev-1")).isEqualTo("dev-1");
        assertThat(ControllerIds.defaultName("i".repeat(256))).isEqualTo("i".repeat(128));
        assertThat(ControllerIds.defaultName("i".repeat(127) + "😀" + "x")).isEqualTo("i".repeat(127));
        assertThat(ControllerIds.defaultName("i".repeat(126) + "😀" + "x")).isEqualTo("i".repeat(126) + "😀");
    }
}
