package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.query.OffsetPageRequest;
import io.hawkbit.repository.query.RecordedSql;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.test.context.TestPropertySource;

/** A page as a deferred join (ids first, then the rows) is the page the plain query gives, in its order. */
@RepositoryJpaTest
@Import(TargetPages.class)
@TestPropertySource(
        properties =
                "spring.jpa.properties.hibernate.session_factory.statement_inspector=io.hawkbit.repository.query.RecordedSql")
class TargetPagesTest {

    private static final String TENANT = "pages-test";

    @Autowired
    TestEntityManager entities;

    @Autowired
    TargetRepository targets;

    @Autowired
    TargetPages pages;

    @BeforeEach
    void seed() {
        TargetTag red = entities.persist(new TargetTag(TENANT, "red"));
        for (int i = 0; i < 30; i++) {
            // Names in another order than ids and controllerIds, so a page in id order would differ.
            Target target = new Target(TENANT, "dev-%02d".formatted(i), "name-%02d".formatted((i * 7) % 30), "t" + i);
            if (i % 3 == 0) {
                target.getTags().add(red);
            }
            target.getControllerAttributes().put("region", i % 2 == 0 ? "EU-West" : "us-east");
            entities.persist(target);
        }
        entities.flush();
        entities.clear();
    }

    @Test
    void deferredPageIsThePlainPage() {
        for (String rsql : List.of("", "tag==red", "attribute.region==eu-west", "controllerId!=dev-0*")) {
            for (Sort sort : List.of(
                    Sort.by("name"), Sort.by(Sort.Direction.DESC, "name"), Sort.by("controllerId"), Sort.by("id"))) {
                for (long offset : List.of(0L, 3L, 7L, 14L, 29L, 30L)) {
                    var pageable = new OffsetPageRequest(offset, 4, sort);
                    Page<Target> plain = targets.findAll(spec(rsql), pageable);
                    Page<Target> deferred = pages.find(spec(rsql), pageable);
                    String what = "q=" + rsql + " sort=" + sort + " offset=" + offset;
                    assertThat(ids(deferred)).as(what).isEqualTo(ids(plain));
                    assertThat(deferred.getTotalElements()).as(what).isEqualTo(plain.getTotalElements());
                }
            }
        }
    }

    @Test
    void thePageIsReadByIdsFirstThenRows() {
        RecordedSql.clear();
        var page = pages.find(spec("tag==red"), new OffsetPageRequest(2, 3, Sort.by("name")));
        assertThat(page.getTotalElements()).isEqualTo(10);
        assertThat(RecordedSql.statements())
                .map(String::toLowerCase)
                .anySatisfy(sql -> assertThat(sql).startsWith("select t1_0.id from target t1_0 where"))
                .anySatisfy(sql -> assertThat(sql).contains("where t1_0.id in"));
    }

    @Test
    void anOffsetPastTheLastTargetIsAnEmptyPageWithTheTotal() {
        var past = new OffsetPageRequest(1_000, 10, Sort.by("name"));
        assertThat(pages.find(spec(""), past).getContent()).isEmpty();
        assertThat(pages.find(spec(""), past).getTotalElements()).isEqualTo(30);
    }

    private static Specification<Target> spec(String rsql) {
        return RsqlSpecification.<Target>parse(rsql, TargetService.FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("tenant"), TENANT));
    }

    private static List<String> ids(Page<Target> page) {
        return page.getContent().stream().map(Target::getControllerId).toList();
    }
}
