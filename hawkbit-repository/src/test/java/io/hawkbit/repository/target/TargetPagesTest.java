package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.query.OffsetPageRequest;
import io.hawkbit.repository.query.RecordedSql;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
@Import({TargetPages.class, TargetCounts.class, TargetCountsTest.Statements.class})
@TestPropertySource(
        properties =
                "spring.jpa.properties.hibernate.session_factory.statement_inspector=io.hawkbit.repository.query.RecordedSql")
class TargetPagesTest {

    private static final String TENANT = "pages-test";
    private static final String OTHER = "pages-other";
    private static final String MIRROR = "pages-mirror";

    @Autowired
    TestEntityManager entities;

    @Autowired
    TargetRepository targets;

    @Autowired
    TargetPages pages;

    @BeforeEach
    void seed() {
        TargetTag red = entities.persist(new TargetTag(TENANT, "red"));
        TargetTag blue = entities.persist(new TargetTag(TENANT, "blue"));
        for (int i = 0; i < 30; i++) {
            // Names in another order than ids and controllerIds, so a page in id order would differ.
            Target target = new Target(TENANT, "dev-%02d".formatted(i), "name-%02d".formatted((i * 7) % 30), "t" + i);
            if (i % 3 == 0) {
                target.getTags().add(red);
            }
            if (i % 5 == 0) {
                target.getTags().add(blue);
            }
            target.putControllerAttributes(Map.of("region", i % 2 == 0 ? "EU-West" : "us-east"));
            entities.persist(target);
        }
        // Another tenant with the same tag names and attribute values on every target: never counted for TENANT.
        TargetTag otherRed = entities.persist(new TargetTag(OTHER, "red"));
        TargetTag otherBlue = entities.persist(new TargetTag(OTHER, "blue"));
        for (int i = 0; i < 12; i++) {
            Target target = new Target(OTHER, "dev-%02d".formatted(i), "name-%02d".formatted(i), "o" + i);
            target.getTags().addAll(List.of(otherRed, otherBlue));
            target.putControllerAttributes(Map.of("region", "eu-west"));
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
    void aPageThroughTheMatchingTagsIsThePlainPage() {
        // Past MAX_ELEMENTS tags match many-*: those are matched by a join, as without the link filter.
        for (int i = 0; i <= TargetPages.MAX_ELEMENTS; i++) {
            entities.persist(new TargetTag(TENANT, "many-%03d".formatted(i)));
        }
        TargetTag many = entities.persist(new TargetTag(TENANT, "many-x"));
        targets.findByTenantAndControllerId(TENANT, "dev-04")
                .orElseThrow()
                .getTags()
                .add(many);
        entities.flush();
        entities.clear();
        for (String rsql : List.of(
                "tag==red",
                "tag==RED",
                "tag=in=(red,blue)",
                "tag==*",
                "tag==r*",
                "tag==green",
                "tag=in=(green,blue)",
                "tag.name==blue",
                "tag==many-*")) {
            for (Sort sort : List.of(Sort.by("name"), Sort.by(Sort.Direction.DESC, "name"), Sort.by("controllerId"))) {
                for (long offset : List.of(0L, 3L, 7L, 14L, 29L)) {
                    var pageable = new OffsetPageRequest(offset, 4, sort);
                    Page<Target> plain = targets.findAll(spec(rsql), pageable);
                    Page<Target> page = pages.find(
                            spec(rsql), pageable, RsqlSpecification.linkFilter(rsql, TargetService.FIELDS), TENANT);
                    String what = "q=" + rsql + " sort=" + sort + " offset=" + offset;
                    assertThat(ids(page)).as(what).isEqualTo(ids(plain));
                    assertThat(page.getTotalElements()).as(what).isEqualTo(plain.getTotalElements());
                }
            }
        }
    }

    @Test
    void aTagFilterLooksUpItsTagsFirstAndThenOnlyTheirLinks() {
        RecordedSql.clear();
        var page = pages.find(
                spec("tag==red"),
                new OffsetPageRequest(0, 4, Sort.by("name")),
                RsqlSpecification.linkFilter("tag==red", TargetService.FIELDS),
                TENANT);
        assertThat(page.getTotalElements()).isEqualTo(10);
        List<String> statements =
                RecordedSql.statements().stream().map(String::toLowerCase).toList();
        // The tag by name and tenant; then the page's ids and the count by tag id, without the join to target_tag
        // (which let MariaDB materialise all of a tag's links for every page).
        assertThat(statements.get(0)).contains("from target_tag ").doesNotContain("target_target_tag");
        assertThat(statements)
                .filteredOn(sql -> sql.contains("target_target_tag"))
                .hasSize(2)
                .allSatisfy(sql -> assertThat(sql)
                        .doesNotContainPattern("join target_tag")
                        .containsPattern("tag_id in \\(\\?\\)"));
        // No tag of that name: nothing more to read.
        RecordedSql.clear();
        page = pages.find(
                spec("tag==green"),
                new OffsetPageRequest(0, 4, Sort.by("name")),
                RsqlSpecification.linkFilter("tag==green", TargetService.FIELDS),
                TENANT);
        assertThat(page.getContent()).isEmpty();
        assertThat(page.getTotalElements()).isZero();
        assertThat(RecordedSql.statements())
                .singleElement()
                .satisfies(sql -> assertThat(sql.toLowerCase()).contains("from target_tag "));
    }

    @Test
    void aTagPageIsReadByTheTagsIdsWhereTheWalkIsShortAgainstTheLinksOrTheLinksAreFew() {
        long fleet = 1_000_000;
        // The cases measured on MariaDB at 1M targets (TargetPages#byElementIds).
        assertThat(TargetPages.byElementIds(65_000, 50, () -> fleet)).isTrue();
        assertThat(TargetPages.byElementIds(65_000, 500, () -> fleet)).isFalse();
        assertThat(TargetPages.byElementIds(500_000, 2_050, () -> fleet)).isTrue();
        assertThat(TargetPages.byElementIds(10_000, 50, () -> fleet)).isFalse();
        assertThat(TargetPages.byElementIds(1_000, 500, () -> fleet)).isTrue();
        // Few links: the fleet's size is not read.
        assertThat(TargetPages.byElementIds(TargetPages.FEW_LINKS, 10_000, () -> {
                    throw new AssertionError("not needed");
                }))
                .isTrue();
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

    @Test
    void aPageReadFromTheOtherEndIsThePageOfTheForwardWalk() {
        // 27 targets with ties in every sort key but the id: six names (and, where the collation ignores case, "N-2"
        // and "n-2" equal), descriptions and poll times with nulls, one update status for all.
        TargetTag red = entities.persist(new TargetTag(MIRROR, "red"));
        for (int i = 0; i < 27; i++) {
            Target target =
                    new Target(MIRROR, "m-%02d".formatted((i * 17) % 27), i == 7 ? "N-2" : "n-" + (i % 6), "m" + i);
            target.setDescription(i % 4 == 0 ? null : "d-" + (i % 3));
            target.setLastTargetQuery(i % 5 == 0 ? null : 1_000L * (i % 4));
            if (i % 2 == 0) {
                target.getTags().add(red);
            }
            target.putControllerAttributes(Map.of("region", i % 3 == 0 ? "eu-west" : "us-east"));
            entities.persist(target);
        }
        entities.flush();
        entities.clear();
        List<Sort> sorts = List.of(
                Sort.by("name"),
                Sort.by(Sort.Direction.DESC, "name"),
                Sort.by(Sort.Order.asc("name"), Sort.Order.desc("description")),
                Sort.by(Sort.Direction.DESC, "lastTargetQuery"),
                Sort.by("updateStatus"),
                Sort.by(Sort.Direction.DESC, "controllerId"));
        List<String> filters = List.of("", "tag==red", "name==n-1*");
        for (String rsql : filters) {
            for (Sort sort : sorts) {
                List<String> forward = ids(targets.findAll(mirrorSpec(rsql), PageWalk.totalOrder(sort)));
                for (int limit : List.of(1, 4, 7, 50)) {
                    // Every offset for two limits, every third for the others: around and past the middle, the last
                    // pages, past the end.
                    int step = limit == 1 || limit == 7 ? 1 : 3;
                    for (long offset = 0; offset <= forward.size() + 1; offset += step) {
                        var pageable = new OffsetPageRequest(offset, limit, sort);
                        Page<Target> page = pages.find(mirrorSpec(rsql), pageable);
                        String what = "q=" + rsql + " sort=" + sort + " offset=" + offset + " limit=" + limit;
                        assertThat(ids(page))
                                .as(what)
                                .isEqualTo(forward.subList((int) Math.min(offset, forward.size()), (int)
                                        Math.min(offset + limit, forward.size())));
                        assertThat(page.getTotalElements()).as(what).isEqualTo(forward.size());
                    }
                }
            }
        }
    }

    @Test
    void aPagePastTheMiddleIsReadBackwardAndCountedOnce() {
        // 30 targets by name: offset 20 of 30 reads the mirrored order from offset 6 (30 - 20 - 4).
        RecordedSql.clear();
        var page = pages.find(spec(""), new OffsetPageRequest(20, 4, Sort.by("name")));
        assertThat(page.getTotalElements()).isEqualTo(30);
        assertThat(page.getContent())
                .extracting(Target::getName)
                .containsExactly("name-20", "name-21", "name-22", "name-23");
        List<String> statements =
                RecordedSql.statements().stream().map(String::toLowerCase).toList();
        assertThat(statements)
                .filteredOn(sql -> sql.startsWith("select t1_0.id from target t1_0 where"))
                .singleElement()
                .satisfies(sql -> assertThat(sql).containsPattern("order by t1_0.name desc,(t1_0.id|1) desc"));
        assertThat(statements)
                .filteredOn(sql -> sql.startsWith("select count("))
                .hasSize(1);
        // Before the middle, forward, in the same total order.
        RecordedSql.clear();
        page = pages.find(spec(""), new OffsetPageRequest(10, 4, Sort.by(Sort.Direction.DESC, "name")));
        assertThat(page.getContent())
                .extracting(Target::getName)
                .containsExactly("name-19", "name-18", "name-17", "name-16");
        assertThat(RecordedSql.statements())
                .map(String::toLowerCase)
                .filteredOn(sql -> sql.startsWith("select t1_0.id from target t1_0 where"))
                .singleElement()
                .satisfies(sql -> assertThat(sql).containsPattern("order by t1_0.name desc,(t1_0.id|1) desc"));
        // Past the end: only the count.
        RecordedSql.clear();
        page = pages.find(spec(""), new OffsetPageRequest(31, 4, Sort.by("name")));
        assertThat(page.getContent()).isEmpty();
        assertThat(page.getTotalElements()).isEqualTo(30);
        assertThat(RecordedSql.statements())
                .map(String::toLowerCase)
                .singleElement()
                .satisfies(sql -> assertThat(sql).startsWith("select count("));
    }

    @Test
    void theTotalOfAFilterThroughOneLinkIsThePlainCount() {
        // 30 targets: red on i % 3 == 0 (10), blue on i % 5 == 0 (6), both on 0 and 15; region EU-West on even i (15).
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("tag==red", 10L);
        expected.put("tag==RED", 10L);
        expected.put("tag=in=(red,blue)", 14L);
        expected.put("tag==*", 14L);
        expected.put("tag==r*", 10L);
        expected.put("tag==green", 0L);
        expected.put("tag!=red", 20L);
        expected.put("attribute.region==eu-west", 15L);
        expected.put("attribute.region==EU-*", 15L);
        expected.put("attribute.region!=eu-west", 15L);
        expected.put("attribute.region=in=(eu-west,us-east)", 30L);
        expected.put("attribute.region=out=(eu-west)", 15L);
        expected.put("attribute.region==*", 30L);
        expected.put("attribute.serial==x", 0L);
        expected.put("tag==red;attribute.region==eu-west", 5L);
        expected.put("tag==blue,attribute.region==eu-west", 18L);
        expected.put("tag==red;controllerId==dev-0*", 4L);
        expected.forEach((rsql, count) -> {
            long plain = targets.count(spec(rsql));
            var page = pages.find(
                    spec(rsql),
                    new OffsetPageRequest(1, 2, Sort.by("name")),
                    RsqlSpecification.linkFilter(rsql, TargetService.FIELDS),
                    TENANT);
            assertThat(plain).as("plain count of " + rsql).isEqualTo(count);
            assertThat(page.getTotalElements()).as(rsql).isEqualTo(count);
        });
    }

    @Test
    void theTotalOfAFilterThroughOneLinkReadsTheLinkRowsNotTheTargets() {
        for (String rsql : List.of("tag==red", "tag=in=(red,blue)", "attribute.region==eu-west")) {
            RecordedSql.clear();
            var page = pages.find(
                    spec(rsql),
                    new OffsetPageRequest(0, 2, Sort.by("name")),
                    RsqlSpecification.linkFilter(rsql, TargetService.FIELDS),
                    TENANT);
            assertThat(page.getTotalElements()).as(rsql).isPositive();
            assertThat(RecordedSql.statements())
                    .map(String::toLowerCase)
                    .filteredOn(sql -> sql.startsWith("select count("))
                    .as(rsql)
                    .allSatisfy(sql -> assertThat(sql).as(sql).doesNotContainPattern("(from|join) target\\s"))
                    .filteredOn(
                            sql -> sql.contains("from target_target_tag ") || sql.contains("from target_attributes "))
                    .hasSize(1);
        }
        // DISTINCT only where a target may match on two links: two tags match.
        for (String rsql :
                List.of("tag==red", "tag==r*", "tag=in=(red,blue)", "attribute.region=in=(eu-west,us-east)")) {
            RecordedSql.clear();
            pages.find(
                    spec(rsql),
                    new OffsetPageRequest(0, 2, Sort.by("name")),
                    RsqlSpecification.linkFilter(rsql, TargetService.FIELDS),
                    TENANT);
            assertThat(RecordedSql.statements())
                    .map(String::toLowerCase)
                    .filteredOn(sql -> sql.startsWith("select count(")
                            && (sql.contains("from target_target_tag ") || sql.contains("from target_attributes ")))
                    .as(rsql)
                    .singleElement()
                    .satisfies(sql -> assertThat(sql.contains("count(distinct"))
                            .as(sql)
                            .isEqualTo(rsql.equals("tag=in=(red,blue)")));
        }
        // Several comparisons, or a negation through tags, are counted over the targets.
        assertThat(RsqlSpecification.linkFilter("tag==red;attribute.region==eu-west", TargetService.FIELDS))
                .isEmpty();
        assertThat(RsqlSpecification.linkFilter("tag!=red", TargetService.FIELDS))
                .isEmpty();
        assertThat(RsqlSpecification.linkFilter("controllerId==dev-01", TargetService.FIELDS))
                .isEmpty();
        assertThat(RsqlSpecification.linkFilter("", TargetService.FIELDS)).isEmpty();
    }

    @Test
    void everyAttributeRowCarriesItsTargetsTenant() {
        // Written by the code (Target.putControllerAttributes), not by the database.
        assertThat(entities.getEntityManager()
                        .createNativeQuery(
                                "select count(*) from target_attributes a join target t on t.id = a.target_id"
                                        + " where a.tenant <> t.tenant")
                        .getSingleResult())
                .isEqualTo(0L);
        assertThat(entities.getEntityManager()
                        .createNativeQuery("select count(*) from target_attributes where tenant = ?")
                        .setParameter(1, OTHER)
                        .getSingleResult())
                .isEqualTo(12L);
    }

    private static Specification<Target> spec(String rsql) {
        return RsqlSpecification.<Target>parse(rsql, TargetService.FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("tenant"), TENANT));
    }

    private static Specification<Target> mirrorSpec(String rsql) {
        return RsqlSpecification.<Target>parse(rsql, TargetService.FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("tenant"), MIRROR));
    }

    private static List<String> ids(Page<Target> page) {
        return ids(page.getContent());
    }

    private static List<String> ids(List<Target> targets) {
        return targets.stream().map(Target::getControllerId).toList();
    }
}
