package io.hawkbit.repository;

import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * Has Spring Data read {@code @Query} strings with its regular-expression enhancer instead of its ANTLR HQL grammar.
 * Spring Data parses every declared query when it creates the repository, only to find the alias and projection and
 * to rewrite sorts and counts; none of ours returns a {@code Page} or takes a sorted {@code Pageable}, and Hibernate
 * still compiles each of them at start. The grammar's classes and parse were a large share of the start's CPU and the
 * peak of its heap.
 */
public class RegexQueryEnhancer implements QueryEnhancerSelector {

    @Override
    public QueryEnhancerFactory select(DeclaredQuery query) {
        return QueryEnhancerFactories.fallback();
    }
}
