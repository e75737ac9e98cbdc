package io.hawkbit.repository.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.error.ServerError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How deep a query may nest before it is refused, checked before rsql-parser recurses into it. */
class RsqlNestingTest {

    private static final QueryFields FIELDS = QueryFields.of(Map.of("id", "id", "name", "name"));

    private static String nested(int depth) {
        return "(".repeat(depth) + "id==1" + ")".repeat(depth);
    }

    @Test
    void parse_acceptsNestingUpToTheLimit() {
        assertThat(RsqlSpecification.parse(nested(RsqlSpecification.MAX_DEPTH), FIELDS))
                .isNotNull();
    }

    @Test
    void parse_rejectsDeeperNestingAsSyntaxError() {
        assertThatThrownBy(() -> RsqlSpecification.parse(nested(RsqlSpecification.MAX_DEPTH + 1), FIELDS))
                .isInstanceOfSatisfying(
                        InvalidQueryException.class, e -> assertThat(e.error()).isEqualTo(ServerError.RSQL_SYNTAX));
        assertThatThrownBy(() -> RsqlSpecification.parse(nested(20_000), FIELDS))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void parse_ignoresParenthesesInQuotedArguments() {
        String quoted = "name==\"" + "(".repeat(200) + "\\\"(\";name=='" + "(".repeat(200) + "'";
        assertThat(RsqlSpecification.parse(quoted, FIELDS)).isNotNull();
    }
}
