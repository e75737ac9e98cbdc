package io.hawkbit.repository.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.target.TargetService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.domain.Sort;

/** hawkBit's {@code sort=field:ASC,other:DESC}: mapped to entity paths, the default when absent, errors by kind. */
class SortParserTest {

    private static final Sort DEFAULT = Sort.by("id");

    private static Sort parse(String sort) {
        return SortParser.parse(sort, TargetService.FIELDS, DEFAULT);
    }

    private static void assertInvalid(String sort, ServerError error) {
        assertThatThrownBy(() -> parse(sort))
                .isInstanceOf(InvalidQueryException.class)
                .satisfies(e -> assertThat(((InvalidQueryException) e).error()).isEqualTo(error));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void parse_absentIsTheDefault(String sort) {
        assertThat(parse(sort)).isSameAs(DEFAULT);
    }

    @Test
    void parse_mapsTheFieldToItsEntityPath() {
        assertThat(parse("lastControllerRequestAt:DESC")).isEqualTo(Sort.by(Sort.Order.desc("lastTargetQuery")));
        assertThat(parse("id:ASC")).isEqualTo(Sort.by(Sort.Order.asc("controllerId")));
    }

    @Test
    void parse_keepsTheOrderOfSeveralFields() {
        assertThat(parse("name:ASC,createdAt:DESC"))
                .isEqualTo(Sort.by(Sort.Order.asc("name"), Sort.Order.desc("createdAt")));
    }

    @Test
    void parse_fieldAndDirectionIgnoreCaseAndSpaces() {
        assertThat(parse(" NAME : desc , controllerid:Asc"))
                .isEqualTo(Sort.by(Sort.Order.desc("name"), Sort.Order.asc("controllerId")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "name:", "name:ASC:DESC", "name:ASC,,id:ASC", "name ASC"})
    void parse_rejectsMalformedParts(String sort) {
        assertInvalid(sort, ServerError.SORT_INVALID);
    }

    @Test
    void parse_rejectsAnUnknownFieldNamingTheValidOnes() {
        assertInvalid("color:ASC", ServerError.SORT_FIELD);
        assertInvalid(":ASC", ServerError.SORT_FIELD);
        assertThatThrownBy(() -> parse("color:ASC"))
                .hasMessageContaining("'color'")
                .hasMessageContaining("controllerId");
    }

    @Test
    void parse_rejectsSortingByAMapAttribute() {
        assertInvalid("attribute.revision:ASC", ServerError.SORT_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name:UP", "name:ascending", "name:1"})
    void parse_rejectsAnUnknownDirection(String sort) {
        assertInvalid(sort, ServerError.SORT_DIRECTION);
    }
}
