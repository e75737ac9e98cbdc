package io.hawkbit.repository.query;

import static io.hawkbit.repository.query.TargetBuilder.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.RepositoryTestApplication;
import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionQueries;
import io.hawkbit.repository.action.ActionRepository;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.action.Feedback;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.distribution.DistributionSetType;
import io.hawkbit.repository.distribution.DistributionSetTypeService;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.rollout.Rollout;
import io.hawkbit.repository.rollout.RolloutConditions;
import io.hawkbit.repository.rollout.RolloutGroup;
import io.hawkbit.repository.rollout.RolloutQueries;
import io.hawkbit.repository.rollout.RolloutStatus;
import io.hawkbit.repository.softwaremodule.SoftwareModule;
import io.hawkbit.repository.softwaremodule.SoftwareModuleMetadataValue;
import io.hawkbit.repository.softwaremodule.SoftwareModuleService;
import io.hawkbit.repository.softwaremodule.SoftwareModuleType;
import io.hawkbit.repository.softwaremodule.SoftwareModuleTypeService;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.repository.target.TargetTag;
import io.hawkbit.repository.target.TargetTagService;
import io.hawkbit.repository.target.TargetUpdateStatus;
import io.hawkbit.repository.targetfilter.TargetFilterQuery;
import io.hawkbit.repository.targetfilter.TargetFilterQueryService;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * hawkBit's {@code q=} filters against the real schema: every operator, wildcards and their escaping, nesting,
 * joins (to-one, tags, the attribute map) and the errors a bad query answers. Four targets and three actions are
 * seeded once; each test names the targets a query must find, exactly (a duplicate from a join fails it).
 * {@code RsqlSpecificationMariaDbTest} and {@code RsqlSpecificationPostgreSqlTest} run the same tests on MariaDB and
 * PostgreSQL.
 */
@RepositoryJpaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(
        properties =
                "spring.jpa.properties.hibernate.session_factory.statement_inspector=io.hawkbit.repository.query.RecordedSql")
class RsqlSpecificationTest {

    /** The seed is committed once for all tests, in a tenant of its own; queries are scoped to it. */
    private static final String TENANT = "rsql-test";

    @Autowired
    TestEntityManager entities;

    @Autowired
    TargetRepository targets;

    @Autowired
    ActionRepository actions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    DistributionSet os1;
    Action running;
    Action finished;
    Action canceling;
    Rollout wave;

    @BeforeAll
    void seed() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            DistributionSetType type = entities.persist(new DistributionSetType(TENANT, "os", "OS", null));
            os1 = entities.persist(new DistributionSet(TENANT, type, "os", "1.0"));
            DistributionSet os2 = entities.persist(new DistributionSet(TENANT, type, "os", "2.0"));
            TargetTag red = entities.persist(new TargetTag(TENANT, "red"));
            TargetTag blue = entities.persist(new TargetTag(TENANT, "blue"));

            Target alpha1 = entities.persist(target("alpha-1")
                    .name("Alpha One")
                    .description("first_device")
                    .address("10.0.0.1")
                    .lastPoll(1000)
                    .installDate(5000)
                    .status(TargetUpdateStatus.IN_SYNC)
                    .assigned(os1)
                    .installed(os1)
                    .attribute("revision", "1.0")
                    .attribute("hw", "a")
                    .tags(red)
                    .build(TENANT));
            Target alpha2 = entities.persist(target("alpha-2")
                    .name("Alpha Two")
                    .description("50% done")
                    .address("10.0.0.2")
                    .lastPoll(2000)
                    .status(TargetUpdateStatus.PENDING)
                    .assigned(os2)
                    .installed(os1)
                    .attribute("revision", "2.0")
                    .tags(red, blue)
                    .build(TENANT));
            Target beta3 = entities.persist(target("beta-3")
                    .name("Beta Three")
                    .description("firstXdevice")
                    .address("10.0.1.3")
                    .lastPoll(3000)
                    .status(TargetUpdateStatus.ERROR)
                    .assigned(os1)
                    .attribute("revision", "2.0")
                    .attribute("hw", "b")
                    .tags(blue)
                    .build(TENANT));
            entities.persist(target("gamma-4")
                    .name("Gamma")
                    .address("\\\\nas\\share")
                    .attribute("serial", "SN-Ab1")
                    .build(TENANT));
            alpha1.setGroup("EU/DE");
            alpha2.setGroup("eu");
            beta3.setGroup("us");

            SoftwareModuleType osModule = entities.persist(new SoftwareModuleType(TENANT, "os", "Firmware", null, 1));
            SoftwareModule kernel = new SoftwareModule(TENANT, osModule, "kernel", "6.1");
            kernel.getMetadata().put("channel", new SoftwareModuleMetadataValue("beta", true));
            kernel = entities.persist(kernel);
            os1.addModule(kernel);
            entities.persist(new SoftwareModule(TENANT, osModule, "bootloader", "2"));
            wave = entities.persist(new Rollout(
                    TENANT, "wave", null, "name==*", os1, ActionType.FORCED, 0, null, null, RolloutStatus.READY));
            entities.persist(new RolloutGroup(wave, 0, "wave-1", null, null, 100, RolloutConditions.DEFAULT));
            TargetFilterQuery auto = new TargetFilterQuery(TENANT, "tfq-auto", "name==*");
            auto.setAutoAssign(os2, ActionType.FORCED, null);
            entities.persist(auto);
            entities.persist(new TargetFilterQuery(TENANT, "tfq-plain", "name==x"));

            running = entities.persist(new Action(alpha1, os1, ActionType.FORCED, 0, 100));
            finished = new Action(alpha2, os2, ActionType.SOFT, 0, null);
            finished.applyDeploymentFeedback(
                    new Feedback(Feedback.Execution.CLOSED, Feedback.Result.SUCCESS, null, null, null));
            finished.setLastActionStatusCode(200);
            finished = entities.persist(finished);
            canceling = new Action(beta3, os1, ActionType.DOWNLOAD_ONLY, 0, 500);
            canceling.requestCancel();
            canceling = entities.persist(canceling);
            entities.flush();
            jdbc.update(
                    "update action set rollout_id = ?, rollout_group_id = (select id from rollout_group where"
                            + " rollout_id = ?) where id = ?",
                    wave.getId(),
                    wave.getId(),
                    running.getId());
            // Only the overdue scheduler writes the mark, by SQL.
            jdbc.update("update target set overdue_since = 4000 where tenant = ? and controller_id = 'beta-3'", TENANT);
            // Not marked, as a node before V1_22 wrote it (the others hold the column's default, 0).
            jdbc.update(
                    "update target set overdue_since = null where tenant = ? and controller_id = 'alpha-2'", TENANT);
        });
    }

    @AfterAll
    void removeSeed() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.update("delete from action where tenant = ?", TENANT);
            jdbc.update("delete from rollout_group where tenant = ?", TENANT);
            jdbc.update("delete from rollout where tenant = ?", TENANT);
            jdbc.update("delete from target_filter_query where tenant = ?", TENANT);
            jdbc.update(
                    "delete from ds_module where ds_id in (select id from distribution_set where tenant = ?)", TENANT);
            jdbc.update(
                    "delete from software_module_metadata where sm_id in (select id from software_module where tenant = ?)",
                    TENANT);
            jdbc.update(
                    "delete from target_target_tag where target_id in (select id from target where tenant = ?)",
                    TENANT);
            jdbc.update(
                    "delete from target_attributes where target_id in (select id from target where tenant = ?)",
                    TENANT);
            for (String table : List.of(
                    "target",
                    "target_tag",
                    "distribution_set",
                    "distribution_set_type",
                    "software_module",
                    "software_module_type")) {
                jdbc.update("delete from " + table + " where tenant = ?", TENANT);
            }
        });
    }

    private List<String> targets(String query) {
        return targets
                .findAll(RsqlSpecification.<Target>parse(query, TargetService.FIELDS)
                        .and(inTenant()))
                .stream()
                .map(Target::getControllerId)
                .toList();
    }

    private List<Long> actions(String query) {
        return actions
                .findAll(RsqlSpecification.<Action>parse(query, ActionQueries.FIELDS)
                        .and(inTenant()))
                .stream()
                .map(Action::getId)
                .toList();
    }

    private static <T> Specification<T> inTenant() {
        return (root, query, cb) -> cb.equal(root.get("tenant"), TENANT);
    }

    private static final List<String> ALL = List.of("alpha-1", "alpha-2", "beta-3", "gamma-4");

    // ---- no filter

    @Test
    void parse_nullQueryMatchesEverything() {
        assertThat(targets(null)).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void parse_blankQueryMatchesEverything(String query) {
        assertThat(targets(query)).containsExactlyInAnyOrderElementsOf(ALL);
    }

    // ---- == and !=

    @Test
    void equal_matchesTextIgnoringCase() {
        assertThat(targets("controllerId==ALPHA-1")).containsExactly("alpha-1");
        assertThat(targets("name=='alpha one'")).containsExactly("alpha-1");
    }

    @Test
    void equal_fieldNameIgnoresCase() {
        assertThat(targets("CONTROLLERID==alpha-1")).containsExactly("alpha-1");
    }

    @Test
    void equal_idOfTargetsIsTheControllerId() {
        assertThat(targets("id==beta-3")).containsExactly("beta-3");
    }

    @Test
    void equal_matchesNumbersEnumsAndBooleans() {
        assertThat(targets("lastControllerRequestAt==2000")).containsExactly("alpha-2");
        assertThat(targets("updateStatus==pending")).containsExactly("alpha-2");
        assertThat(targets("updateStatus==IN_SYNC")).containsExactly("alpha-1");
        assertThat(targets("overdue==true")).containsExactly("beta-3");
    }

    @Test
    void equal_enumAcceptsHyphenForUnderscore() {
        assertThat(targets("updateStatus==in-sync")).containsExactly("alpha-1");
    }

    @Test
    void equal_matchesNothingWhenNoValueEquals() {
        assertThat(targets("controllerId==delta-5")).isEmpty();
    }

    @Test
    void notEqual_excludesTheValueIgnoringCase() {
        assertThat(targets("updateStatus!=in_sync")).containsExactlyInAnyOrder("alpha-2", "beta-3", "gamma-4");
        assertThat(targets("controllerId!=ALPHA-1")).containsExactlyInAnyOrder("alpha-2", "beta-3", "gamma-4");
    }

    @Test
    void notEqual_includesTargetsWithoutAValue() {
        assertThat(targets("description!=first_device")).containsExactlyInAnyOrder("alpha-2", "beta-3", "gamma-4");
        assertThat(targets("lastControllerRequestAt!=1000")).containsExactlyInAnyOrder("alpha-2", "beta-3", "gamma-4");
    }

    // ---- =in= and =out=

    @Test
    void in_matchesAnyListedValue() {
        assertThat(targets("controllerId=in=(alpha-1,beta-3,delta-5)")).containsExactlyInAnyOrder("alpha-1", "beta-3");
        assertThat(targets("updateStatus=in=(pending,error)")).containsExactlyInAnyOrder("alpha-2", "beta-3");
        assertThat(targets("lastControllerRequestAt=in=(1000,3000)")).containsExactlyInAnyOrder("alpha-1", "beta-3");
    }

    @Test
    void in_matchesTextIgnoringCaseAsEqualDoes() {
        assertThat(targets("controllerId=in=(ALPHA-1,Beta-3)")).containsExactlyInAnyOrder("alpha-1", "beta-3");
        assertThat(targets("controllerId=out=(ALPHA-1,Beta-3)")).containsExactlyInAnyOrder("alpha-2", "gamma-4");
    }

    @Test
    void out_excludesEveryListedValue() {
        assertThat(targets("controllerId=out=(alpha-1,beta-3)")).containsExactlyInAnyOrder("alpha-2", "gamma-4");
        assertThat(targets("updateStatus=out=(pending,error,unknown)")).containsExactly("alpha-1");
    }

    @Test
    void out_includesTargetsWithoutAValueAsNotEqualDoes() {
        assertThat(targets("description=out=(first_device)")).containsExactlyInAnyOrder("alpha-2", "beta-3", "gamma-4");
    }

    // ---- =lt= =le= =gt= =ge=

    @Test
    void lessThan_comparesNumbersAndSkipsTargetsWithoutAValue() {
        assertThat(targets("lastControllerRequestAt=lt=2000")).containsExactly("alpha-1");
        assertThat(targets("lastControllerRequestAt=lt=1000")).isEmpty();
    }

    @Test
    void lessOrEqual_includesTheBound() {
        assertThat(targets("lastControllerRequestAt=le=2000")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
    }

    @Test
    void greaterThan_excludesTheBound() {
        assertThat(targets("lastControllerRequestAt=gt=2000")).containsExactly("beta-3");
    }

    @Test
    void greaterOrEqual_includesTheBound() {
        assertThat(targets("lastControllerRequestAt=ge=2000")).containsExactlyInAnyOrder("alpha-2", "beta-3");
    }

    @Test
    void comparison_readsInstantsAsEpochMilliseconds() {
        long now = RepositoryTestApplication.NOW.toEpochMilli();
        assertThat(targets("createdAt=lt=" + now)).isEmpty();
        assertThat(targets("createdAt=le=" + now)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(targets("createdAt=ge=" + now)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(targets("createdAt=gt=" + now)).isEmpty();
        assertThat(targets("createdAt==" + now)).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Test
    void comparison_ordersTextLexically() {
        assertThat(targets("name=lt=B")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
        assertThat(targets("name=ge=Beta")).containsExactlyInAnyOrder("beta-3", "gamma-4");
    }

    // ---- wildcards and escaping

    @Test
    void wildcard_asSuffixMatchesPrefix() {
        assertThat(targets("controllerId==alpha*")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
    }

    @Test
    void wildcard_asPrefixMatchesSuffix() {
        assertThat(targets("controllerId==*-3")).containsExactly("beta-3");
    }

    @Test
    void wildcard_infixAndOnBothSides() {
        assertThat(targets("controllerId==a*2")).containsExactly("alpha-2");
        assertThat(targets("name==*ph*")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
        assertThat(targets("address==10.0.*.3")).containsExactly("beta-3");
    }

    @Test
    void wildcard_ignoresCase() {
        assertThat(targets("name==ALPHA*")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
    }

    @Test
    void wildcard_aloneMatchesEveryTargetWithAValue() {
        assertThat(targets("description==*")).containsExactlyInAnyOrder("alpha-1", "alpha-2", "beta-3");
    }

    @Test
    void wildcard_withNotEqualExcludesTheMatchesButKeepsTargetsWithoutAValue() {
        assertThat(targets("controllerId!=alpha*")).containsExactlyInAnyOrder("beta-3", "gamma-4");
        assertThat(targets("description!=first*")).containsExactlyInAnyOrder("alpha-2", "gamma-4");
    }

    @Test
    void wildcard_underscoreInTheValueIsLiteral() {
        // SQL LIKE would read _ as any character and also find "firstXdevice".
        assertThat(targets("description==first_*")).containsExactly("alpha-1");
    }

    @Test
    void wildcard_percentInTheValueIsLiteral() {
        assertThat(targets("description==50%*")).containsExactly("alpha-2");
        assertThat(targets("description==*%*")).containsExactly("alpha-2");
    }

    @Test
    void wildcard_backslashInTheValueIsLiteral() {
        // LIKE's escape character is the backslash: a backslash of the value must not escape the wildcard.
        assertThat(targets("address==\\\\nas*")).containsExactly("gamma-4");
        assertThat(targets("address==*\\share")).containsExactly("gamma-4");
        assertThat(targets("address==*nas\\*")).containsExactly("gamma-4");
        assertThat(targets("address==\\\\nas\\share")).containsExactly("gamma-4");
    }

    @Test
    void equal_withoutWildcardTakesPercentAndUnderscoreLiterally() {
        assertThat(targets("description=='50% done'")).containsExactly("alpha-2");
        assertThat(targets("description==first_device")).containsExactly("alpha-1");
    }

    @Test
    void wildcard_onNumberIsATypeError() {
        assertInvalid(() -> targets("lastControllerRequestAt==1*"), ServerError.RSQL_SYNTAX);
    }

    // ---- and / or

    @Test
    void and_requiresBoth() {
        assertThat(targets("controllerId==alpha*;updateStatus==pending")).containsExactly("alpha-2");
        assertThat(targets("controllerId==alpha* and updateStatus==pending")).containsExactly("alpha-2");
    }

    @Test
    void or_acceptsEither() {
        assertThat(targets("controllerId==beta*,updateStatus==pending")).containsExactlyInAnyOrder("alpha-2", "beta-3");
        assertThat(targets("controllerId==beta* or updateStatus==pending"))
                .containsExactlyInAnyOrder("alpha-2", "beta-3");
    }

    @Test
    void and_bindsTighterThanOr() {
        assertThat(targets("controllerId==gamma-4,controllerId==alpha*;updateStatus==pending"))
                .containsExactlyInAnyOrder("alpha-2", "gamma-4");
    }

    @Test
    void parentheses_nestOrInsideAnd() {
        assertThat(targets("(controllerId==gamma-4,controllerId==alpha*);updateStatus==pending"))
                .containsExactly("alpha-2");
        assertThat(targets("(controllerId==alpha-1 or controllerId==beta-3) and (tag==red or overdue==true)"))
                .containsExactlyInAnyOrder("alpha-1", "beta-3");
    }

    // ---- joins

    @Test
    void toOneJoin_filtersByTheAssignedAndInstalledSet() {
        assertThat(targets("assignedDs.version==1.0")).containsExactlyInAnyOrder("alpha-1", "beta-3");
        assertThat(targets("installedDs.version==1.0;assignedDs.version==2.0")).containsExactly("alpha-2");
        assertThat(targets("installedDs.name==os")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
    }

    @Test
    void tag_matchesTargetsWithTheTag() {
        assertThat(targets("tag==red")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
        assertThat(targets("tag==R*")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
    }

    @Test
    void tag_inListsATargetWithSeveralTagsOnce() {
        assertThat(targets("tag=in=(red,blue)")).containsExactlyInAnyOrder("alpha-1", "alpha-2", "beta-3");
    }

    @Test
    void tag_pagedCountsATargetWithSeveralTagsOnce() {
        var page = targets.findAll(
                RsqlSpecification.<Target>parse("tag=in=(red,blue)", TargetService.FIELDS)
                        .and(inTenant()),
                PageRequest.of(0, 2, Sort.by("controllerId")));
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getContent()).extracting(Target::getControllerId).containsExactly("alpha-1", "alpha-2");
    }

    @Test
    void tag_combinesWithOtherFields() {
        assertThat(targets("tag==blue;updateStatus==error")).containsExactly("beta-3");
    }

    @Test
    void tag_notEqualExcludesEveryTargetCarryingTheTag() {
        assertThat(targets("tag!=red")).containsExactlyInAnyOrder("beta-3", "gamma-4");
        assertThat(targets("tag=out=(red)")).containsExactlyInAnyOrder("beta-3", "gamma-4");
    }

    @Test
    void attribute_matchesTheValueOfTheKey() {
        assertThat(targets("attribute.revision==1.0")).containsExactly("alpha-1");
        assertThat(targets("attribute.revision==2.0")).containsExactlyInAnyOrder("alpha-2", "beta-3");
        assertThat(targets("attribute.hw==1.0")).isEmpty();
    }

    @Test
    void attribute_supportsWildcardsAndComparisons() {
        assertThat(targets("attribute.revision==*.0")).containsExactlyInAnyOrder("alpha-1", "alpha-2", "beta-3");
        assertThat(targets("attribute.revision=gt=1.5")).containsExactlyInAnyOrder("alpha-2", "beta-3");
        assertThat(targets("attribute.hw=in=(a,c)")).containsExactly("alpha-1");
    }

    @Test
    void attribute_notEqualMatchesTargetsHavingTheKeyWithAnotherValue() {
        assertThat(targets("attribute.revision!=1.0")).containsExactlyInAnyOrder("alpha-2", "beta-3");
    }

    @Test
    void attribute_twoKeysJoinSeparately() {
        assertThat(targets("attribute.revision==2.0;attribute.hw==b")).containsExactly("beta-3");
        assertThat(targets("attribute.revision==1.0,attribute.hw==b")).containsExactlyInAnyOrder("alpha-1", "beta-3");
    }

    @Test
    void attribute_combinesWithTags() {
        assertThat(targets("attribute.revision==2.0;tag==red")).containsExactly("alpha-2");
    }

    @Test
    void joins_listEveryTargetOnceWhenSeveralRowsMatch() {
        // alpha-2 carries red and blue, alpha-1 two attributes: joined in the outer query (now without DISTINCT), they
        // would come twice, and a page's total would count them twice.
        assertThat(targets("tag==*")).containsExactlyInAnyOrder("alpha-1", "alpha-2", "beta-3");
        assertThat(targets("tag=in=(red,blue)")).containsExactlyInAnyOrder("alpha-1", "alpha-2", "beta-3");
        assertThat(targets("attribute.revision==*,attribute.hw==*"))
                .containsExactlyInAnyOrder("alpha-1", "alpha-2", "beta-3");
        var page = targets.findAll(
                RsqlSpecification.<Target>parse("tag==*", TargetService.FIELDS).and(inTenant()),
                PageRequest.of(0, 2, Sort.by("name")));
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getContent()).extracting(Target::getControllerId).containsExactly("alpha-1", "alpha-2");
    }

    // ---- the SQL's shape, which decides the plan at a million targets (docs/performance.md, "Fleet scale")

    @Test
    void tagAndAttribute_countIsAnExistsOverTheLinkTableAlone() {
        // Over a second copy of target, MariaDB drove the count's EXISTS from every target (80 s at 1M); over the link
        // table alone it materialises the tag's links once.
        assertThat(countSql("tag==red")).satisfies(sql -> {
            assertThat(tableReads(sql, "target")).as(sql).isEqualTo(1);
            assertThat(tableReads(sql, "target_target_tag")).as(sql).isEqualTo(1);
        });
        assertThat(countSql("tag!=red")).satisfies(sql -> {
            assertThat(tableReads(sql, "target")).as(sql).isEqualTo(1);
            assertThat(sql).as(sql).contains("not exists");
        });
        assertThat(countSql("attribute.revision==2.0")).satisfies(sql -> {
            assertThat(tableReads(sql, "target")).as(sql).isEqualTo(1);
            assertThat(tableReads(sql, "target_attributes")).as(sql).isEqualTo(1);
        });
    }

    @Test
    void controllerId_textComparisonsUseTheIndexedLowerCaseColumn() {
        assertThat(countSql("controllerId==ALPHA-*"))
                .as("no lower() over the column: an index serves the prefix")
                .contains("controller_id_lower like")
                .doesNotContainIgnoringCase("lower(");
        assertThat(targets("controllerId==ALPHA-*")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
        assertThat(targets("id=in=(ALPHA-1,Beta-3)")).containsExactlyInAnyOrder("alpha-1", "beta-3");
        assertThat(targets("controllerId!=Alpha-1")).containsExactlyInAnyOrder("alpha-2", "beta-3", "gamma-4");
        assertThat(targets("controllerId=out=(ALPHA-1,alpha-2)")).containsExactlyInAnyOrder("beta-3", "gamma-4");
        // Ordering comparisons keep the exact column, as the rollout's controllerId=le= ranges expect.
        assertThat(targets("controllerId=le=alpha-2")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
    }

    @Test
    void attribute_textComparisonsUseTheIndexedLowerCaseColumn() {
        // As lower(attribute_value) = ?, no index served the filter and a count probed every target (> 60 s at 1M);
        // the generated lower-case column (V1_19) is the third column of ix_target_attributes_tenant_value (V1_20).
        for (String query :
                List.of("attribute.hw==A", "attribute.hw!=A", "attribute.hw=in=(A,C)", "attribute.hw==A*")) {
            assertThat(countSql(query))
                    .as(query)
                    .containsPattern("attribute_value_lower\\s*(=|<>|!=|in|like)")
                    .doesNotContainIgnoringCase("lower(");
        }
        assertThat(targets("attribute.hw==A")).containsExactly("alpha-1");
        assertThat(targets("attribute.serial==sn-aB1")).containsExactly("gamma-4");
        assertThat(targets("attribute.serial==SN-A*")).containsExactly("gamma-4");
        assertThat(targets("attribute.hw!=B")).containsExactly("alpha-1");
        assertThat(targets("attribute.serial!=sn-ab1")).isEmpty();
        assertThat(targets("attribute.hw=in=(A,C)")).containsExactly("alpha-1");
        assertThat(targets("attribute.serial=in=(x,Sn-AB1)")).containsExactly("gamma-4");
        assertThat(targets("attribute.hw=out=(A)")).containsExactly("beta-3");
        // Ordering comparisons keep the exact column.
        assertThat(countSql("attribute.revision=gt=1.5")).containsPattern("attribute_value\\s*>");
    }

    @Test
    void overdue_comparesTheMarkColumn() {
        // Not the formula's value compared, (coalesce(overdue_since, 0) > 0) = true: the column, which the database
        // checks on the rows another index reads.
        assertThat(countSql("overdue==true"))
                .as("the column compared, not the formula")
                .containsPattern("overdue_since\\s*>")
                .doesNotContain("coalesce");
        assertThat(targets("overdue==true")).containsExactly("beta-3");
        assertThat(targets("overdue==false")).containsExactlyInAnyOrder("alpha-1", "alpha-2", "gamma-4");
        assertThat(targets("overdue!=true")).containsExactlyInAnyOrder("alpha-1", "alpha-2", "gamma-4");
        assertThat(targets("overdue=in=(true,false)")).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(targets("overdue=out=(true,false)")).isEmpty();
        assertInvalid(() -> targets("overdue=lt=true"), ServerError.RSQL_SYNTAX);
        assertInvalid(() -> targets("overdue==maybe"), ServerError.RSQL_SYNTAX);
    }

    /** The SQL of the count a page's total runs for the query. */
    private String countSql(String query) {
        RecordedSql.clear();
        targets.count(
                RsqlSpecification.<Target>parse(query, TargetService.FIELDS).and(inTenant()));
        return RecordedSql.statements().stream()
                .filter(sql -> sql.startsWith("select count"))
                .reduce((first, second) -> second)
                .orElseThrow()
                .toLowerCase();
    }

    /** How often the statement reads the table (from or join, under any alias). */
    private static long tableReads(String sql, String table) {
        return Pattern.compile("(from|join)\\s+" + table + "\\s")
                .matcher(sql)
                .results()
                .count();
    }

    // ---- action fields: numbers, booleans, enums, joins

    @Test
    void actions_filterByTypedFields() {
        assertThat(actions("id==" + running.getId())).containsExactly(running.getId());
        assertThat(actions("active==true")).containsExactlyInAnyOrder(running.getId(), canceling.getId());
        assertThat(actions("active==FALSE")).containsExactly(finished.getId());
        assertThat(actions("detailStatus==canceling")).containsExactly(canceling.getId());
        // hawkBit 1.1: status is the detailed state (detailStatus is its 0.x name)
        assertThat(actions("status==canceling")).containsExactly(canceling.getId());
        assertThat(actions("status=in=(running,finished)"))
                .containsExactlyInAnyOrder(running.getId(), finished.getId());
        assertThat(actions("status==finished;active==false")).containsExactly(finished.getId());
        assertThat(actions("forceType==download_only")).containsExactly(canceling.getId());
        assertThat(actions("weight=ge=100")).containsExactlyInAnyOrder(running.getId(), canceling.getId());
        assertThat(actions("lastStatusCode==200")).containsExactly(finished.getId());
    }

    @Test
    void actions_filterThroughTargetAndSet() {
        assertThat(actions("target.controllerId==alpha*")).containsExactlyInAnyOrder(running.getId(), finished.getId());
        assertThat(actions("distributionSet.id==" + os1.getId() + ";active==true"))
                .containsExactlyInAnyOrder(running.getId(), canceling.getId());
    }

    @Test
    void actions_idListAndRange() {
        assertThat(actions("id=in=(" + running.getId() + "," + canceling.getId() + ")"))
                .containsExactlyInAnyOrder(running.getId(), canceling.getId());
        assertThat(actions("id=gt=" + running.getId())).containsExactlyInAnyOrder(finished.getId(), canceling.getId());
    }

    // ---- hawkBit 1.1's field sets (qfields/*Fields)

    /** Names of the tenant's entities of a type that the query finds, through the resource's field set. */
    private <T> List<T> find(Class<T> type, String query, QueryFields fields) {
        var em = entities.getEntityManager();
        var cb = em.getCriteriaBuilder();
        CriteriaQuery<T> cq = cb.createQuery(type);
        Root<T> root = cq.from(type);
        cq.select(root)
                .where(RsqlSpecification.<T>parse(query, fields).and(inTenant()).toPredicate(root, cq, cb));
        return em.createQuery(cq).getResultList();
    }

    @Test
    void targets_filterByGroupWithWildcardsForSubgroups() {
        assertThat(targets("group==eu")).containsExactly("alpha-2");
        assertThat(targets("group==eu/de")).containsExactly("alpha-1");
        assertThat(targets("group==eu*")).containsExactlyInAnyOrder("alpha-1", "alpha-2");
        assertThat(targets("group!=eu")).containsExactlyInAnyOrder("alpha-1", "beta-3", "gamma-4");
        assertThat(targets("group=in=(us,eu)")).containsExactlyInAnyOrder("alpha-2", "beta-3");
    }

    @Test
    void targets_filterByAuditUsersAndTagName() {
        assertThat(targets("createdBy==test")).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(targets("lastModifiedBy==someone-else")).isEmpty();
        assertThat(targets("tag.name==blue")).containsExactlyInAnyOrder("alpha-2", "beta-3");
    }

    @Test
    void actions_filterByTargetSetRolloutAndGroup() {
        assertThat(actions("target.name=='Beta Three'")).containsExactly(canceling.getId());
        assertThat(actions("target.updateStatus==pending")).containsExactly(finished.getId());
        assertThat(actions("target.address==10.0.0.*")).containsExactlyInAnyOrder(running.getId(), finished.getId());
        assertThat(actions("distributionset.name==os;distributionset.version==2.0"))
                .containsExactly(finished.getId());
        assertThat(actions("distributionset.type==os")).hasSize(3);
        assertThat(actions("rollout.name==wave")).containsExactly(running.getId());
        assertThat(actions("rollout.id==" + wave.getId())).containsExactly(running.getId());
        assertThat(actions("rolloutgroup.name==wave-1")).containsExactly(running.getId());
        assertThat(actions("rollout.name!=wave")).containsExactlyInAnyOrder(finished.getId(), canceling.getId());
        assertThat(actions("createdBy==test;lastModifiedBy==test")).hasSize(3);
    }

    @Test
    void rollouts_filterByTheirSetAndAuditUsers() {
        QueryFields fields = RolloutQueries.FIELDS;
        assertThat(find(Rollout.class, "distributionset.name==os;distributionset.version==1.0", fields))
                .extracting(Rollout::getName)
                .containsExactly("wave");
        assertThat(find(Rollout.class, "distributionset.type==os;createdBy==test", fields))
                .hasSize(1);
        assertThat(find(Rollout.class, "distributionset.version==2.0", fields)).isEmpty();
        assertThat(find(
                        RolloutGroup.class,
                        "createdBy==test;lastModifiedBy==test;name==wave-*",
                        RolloutQueries.GROUP_FIELDS))
                .extracting(RolloutGroup::getName)
                .containsExactly("wave-1");
    }

    @Test
    void targetFilters_filterByTheAutoAssignedSet() {
        QueryFields fields = TargetFilterQueryService.FIELDS;
        assertThat(find(TargetFilterQuery.class, "autoassigndistributionset.name==os", fields))
                .extracting(TargetFilterQuery::getName)
                .containsExactly("tfq-auto");
        assertThat(find(TargetFilterQuery.class, "autoAssignDistributionSet.version==1.0", fields))
                .isEmpty();
        assertThat(find(TargetFilterQuery.class, "createdBy==test", fields)).hasSize(2);
    }

    @Test
    void modulesSetsTypesAndTags_filterByHawkbitFields() {
        assertThat(find(
                        SoftwareModule.class,
                        "type.name==firmware;metadata.channel==beta",
                        SoftwareModuleService.FIELDS))
                .extracting(SoftwareModule::getName)
                .containsExactly("kernel");
        assertThat(find(SoftwareModule.class, "type.key==os;createdBy==test", SoftwareModuleService.FIELDS))
                .hasSize(2);
        assertThat(find(DistributionSet.class, "module.name==kernel", DistributionSetService.FIELDS))
                .extracting(DistributionSet::getVersion)
                .containsExactly("1.0");
        assertThat(find(DistributionSet.class, "type.name==OS;lastModifiedBy==test", DistributionSetService.FIELDS))
                .hasSize(2);
        assertThat(find(DistributionSetType.class, "createdBy==test", DistributionSetTypeService.FIELDS))
                .hasSize(1);
        assertThat(find(SoftwareModuleType.class, "lastModifiedBy==test", SoftwareModuleTypeService.FIELDS))
                .hasSize(1);
        assertThat(find(TargetTag.class, "createdBy==test;name==r*", TargetTagService.FIELDS))
                .extracting(TargetTag::getName)
                .containsExactly("red");
    }

    @Test
    void parse_rejectsFieldsOutsideTheResourcesSet() {
        assertInvalid(() -> RsqlSpecification.parse("rollout.status==x", ActionQueries.FIELDS), ServerError.RSQL_FIELD);
        assertInvalid(() -> RsqlSpecification.parse("externalRef==x", ActionQueries.FIELDS), ServerError.RSQL_FIELD);
        assertInvalid(
                () -> RsqlSpecification.parse("distributionset.description==x", RolloutQueries.FIELDS),
                ServerError.RSQL_FIELD);
    }

    // ---- errors

    @Test
    void parse_rejectsUnknownField() {
        assertInvalid(() -> RsqlSpecification.parse("color==red", TargetService.FIELDS), ServerError.RSQL_FIELD);
        assertThatThrownBy(() -> RsqlSpecification.parse("color==red", TargetService.FIELDS))
                .hasMessageContaining("'color'")
                .hasMessageContaining("controllerId");
    }

    @Test
    void parse_rejectsUnknownFieldNestedDeep() {
        assertInvalid(
                () -> RsqlSpecification.parse("controllerId==a;(name==b,(tag==c;color==d))", TargetService.FIELDS),
                ServerError.RSQL_FIELD);
    }

    @Test
    void parse_rejectsMapPrefixWithoutKey() {
        assertInvalid(() -> RsqlSpecification.parse("attribute==x", TargetService.FIELDS), ServerError.RSQL_FIELD);
        assertInvalid(() -> RsqlSpecification.parse("attribute.==x", TargetService.FIELDS), ServerError.RSQL_FIELD);
    }

    @Test
    void parse_rejectsAttributePathNotExposed() {
        // securityToken is a Target attribute, but not a filter field.
        assertInvalid(() -> RsqlSpecification.parse("securityToken==x", TargetService.FIELDS), ServerError.RSQL_FIELD);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"controllerId==", "controllerId", "==x", "controllerId=like=x", "(controllerId==a", "a==b;"})
    void parse_rejectsBadSyntax(String query) {
        assertInvalid(() -> RsqlSpecification.parse(query, TargetService.FIELDS), ServerError.RSQL_SYNTAX);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "id==abc",
                "id=in=(1,x)",
                "weight=gt=heavy",
                "active==maybe",
                "detailStatus==bogus",
                "lastStatusCode=le=1.5"
            })
    void query_rejectsValueOfWrongType(String query) {
        assertInvalid(() -> actions(query), ServerError.RSQL_SYNTAX);
    }

    @Test
    void query_typeErrorNamesTheFieldAndValue() {
        assertThatThrownBy(() -> actions("id==abc"))
                .hasMessageContaining("'abc'")
                .hasMessageContaining("'id'");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ServerError error) {
        assertThatThrownBy(call)
                .isInstanceOf(InvalidQueryException.class)
                .satisfies(e -> assertThat(((InvalidQueryException) e).error()).isEqualTo(error));
    }
}
