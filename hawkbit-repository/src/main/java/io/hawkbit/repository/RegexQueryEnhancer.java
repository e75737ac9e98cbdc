package io.hawkbit.repository;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * Has Spring Data read {@code @Query} strings with its regular-expression enhancer instead of its ANTLR HQL grammar.
 * Spring Data parses every declared query when it creates the repository, only to find the alias and projection and
 * to rewrite sorts and counts; none of ours returns a {@code Page} or takes a {@code Sort} (the test of this class
 * keeps it so; callers pass unsorted page requests), and Hibernate still compiles each of them at start. The parse
 * allocated ~400 MB at start, loaded ~370 classes, and one query's full-context prediction was the start's heap peak.
 */
public class RegexQueryEnhancer implements QueryEnhancerSelector {

    @Override
    public QueryEnhancerFactory select(DeclaredQuery query) {
        return QueryEnhancerFactories.fallback();
    }
}
