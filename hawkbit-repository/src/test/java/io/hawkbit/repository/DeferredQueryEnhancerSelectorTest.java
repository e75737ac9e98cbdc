package io.hawkbit.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.query.BadJpqlGrammarException;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

class DeferredQueryEnhancerSelectorTest {

    private final DeferredQueryEnhancerSelector selector = new DeferredQueryEnhancerSelector();

    @Test
    void create_parsesNothingUntilAsked() {
        DeclaredQuery broken = DeclaredQuery.jpqlQuery("select a from Action a where and order");

        QueryEnhancer enhancer = selector.select(broken).create(broken);

        assertThat(enhancer.getQuery()).isSameAs(broken);
        assertThatThrownBy(enhancer::detectAlias).isInstanceOf(BadJpqlGrammarException.class);
    }

    @Test
    void answers_areThoseOfSpringDatasOwnEnhancer() {
        DeclaredQuery query = DeclaredQuery.jpqlQuery(
                "select a from Action a where a.target.id = :targetId and a.active = true order by a.id");
        QueryEnhancer deferred = selector.select(query).create(query);
        QueryEnhancer eager =
                QueryEnhancerSelector.DEFAULT_SELECTOR.select(query).create(query);

        assertThat(deferred.detectAlias()).isEqualTo(eager.detectAlias()).isEqualTo("a");
        assertThat(deferred.getProjection()).isEqualTo(eager.getProjection());
        assertThat(deferred.hasConstructorExpression()).isFalse();
        assertThat(deferred.isSelectQuery()).isTrue();
        assertThat(deferred.createCountQueryFor(null)).isEqualTo(eager.createCountQueryFor(null));
    }

    @Test
    void select_keepsTheNativeEnhancerForNativeQueries() {
        DeclaredQuery nativeQuery = DeclaredQuery.nativeQuery("select id from sp_target where tenant = ?1");
        DeclaredQuery jpql = DeclaredQuery.jpqlQuery("select t from Target t");

        assertThat(selector.select(nativeQuery).supports(nativeQuery)).isTrue();
        assertThat(selector.select(jpql).supports(jpql)).isTrue();
        assertThat(selector.select(jpql).supports(nativeQuery)).isFalse();
    }
}
