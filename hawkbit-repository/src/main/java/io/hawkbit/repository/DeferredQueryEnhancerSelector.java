package io.hawkbit.repository;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancer;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.query.QueryProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Spring Data's own query enhancer for every {@code @Query}, parsed when the query first runs instead of when its
 * repository is created.
 *
 * <p>Spring Data parses each declared query with its ANTLR HQL grammar at start (to find the alias, the projection, a
 * constructor expression): a tenth of the main thread's Java samples of a start, and C2 time to compile ANTLR; most
 * queries of a node are not run for minutes after start, some never. Hibernate still compiles every query at start ({@code SimpleJpaQuery} validates
 * it), so a broken query still stops the start.
 */
public class DeferredQueryEnhancerSelector implements QueryEnhancerSelector {

    @Override
    public QueryEnhancerFactory select(DeclaredQuery query) {
        QueryEnhancerFactory factory = DEFAULT_SELECTOR.select(query);
        return new QueryEnhancerFactory() {
            @Override
            public boolean supports(DeclaredQuery declared) {
                return factory.supports(declared);
            }

            @Override
            public QueryEnhancer create(QueryProvider provider) {
                return new DeferredQueryEnhancer(provider, SingletonSupplier.of(() -> factory.create(provider)));
            }
        };
    }

    /** Answers from the parsed query, parsing it once on the first question. */
    record DeferredQueryEnhancer(QueryProvider query, SingletonSupplier<QueryEnhancer> parsed)
            implements QueryEnhancer {

        @Override
        public boolean isSelectQuery() {
            return parsed.obtain().isSelectQuery();
        }

        @Override
        public boolean hasConstructorExpression() {
            return parsed.obtain().hasConstructorExpression();
        }

        @Override
        public String detectAlias() {
            return parsed.obtain().detectAlias();
        }

        @Override
        public String getProjection() {
            return parsed.obtain().getProjection();
        }

        @Override
        public QueryProvider getQuery() {
            return query;
        }

        @Override
        public String rewrite(QueryRewriteInformation rewriteInformation) {
            return parsed.obtain().rewrite(rewriteInformation);
        }

        @Override
        public String createCountQueryFor(String countProjection) {
            return parsed.obtain().createCountQueryFor(countProjection);
        }
    }
}
