package io.hawkbit.repository.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionRepository;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.action.Feedback;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.distribution.DistributionSetType;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.NodeProperties;
import io.hawkbit.repository.rollout.RolloutPlanner.GroupDefinition;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.tenant.TenantConfiguration;
import io.hawkbit.repository.tenant.TenantConfigurationRepository;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import io.hawkbit.repository.tenant.TenantSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rollout planning: which targets a new rollout takes and how they are split into groups (equal groups from
 * {@code amountGroups}, or explicit groups by percentage and filter), on the real schema. The split is private to
 * {@link RolloutPlanner#create}, so it is read back from {@code rollout_target_group}. The service is built by hand
 * from the real repositories; only the distribution set lookup and the (unused) deployment service are stubbed.
 */
@RepositoryJpaTest
class RolloutPlanningTest {

    private static final String TENANT = "rollout-test";

    @Autowired
    TestEntityManager entities;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RolloutRepository rollouts;

    @Autowired
    RolloutGroupRepository groups;

    @Autowired
    ActionRepository actions;

    @Autowired
    TargetRepository targets;

    @Autowired
    TenantConfigurationRepository configs;

    RolloutPlanner service;
    DistributionSet set;
    DistributionSet otherSet;

    @BeforeEach
    void setUp() {
        DistributionSetType type = entities.persist(new DistributionSetType(TENANT, "os", "OS", null));
        set = entities.persist(new DistributionSet(TENANT, type, "os", "1.0"));
        otherSet = entities.persist(new DistributionSet(TENANT, type, "os", "0.9"));
        DistributionSetService sets = mock(DistributionSetService.class);
        when(sets.deployable(TENANT, set.getId())).thenReturn(set);
        NodeProperties node = new NodeProperties();
        node.setId("test-node");
        ClusterEventPublisher events = new ClusterEventPublisher(event -> {}, node, new SimpleMeterRegistry());
        TenantConfigurationService config = new TenantConfigurationService(
                configs, new TenantSettings(configs, new ConcurrentMapCacheManager()), events);
        service = new RolloutPlanner(
                rollouts,
                groups,
                new RolloutTargets(jdbc),
                sets,
                config,
                entityManager,
                new RolloutLookup(rollouts),
                events);
    }

    /** Targets dev-01 .. dev-nn, created in name order, so id order is name order. */
    private List<Target> devices(int count) {
        List<Target> created = new ArrayList<>();
        IntStream.rangeClosed(1, count).forEach(i -> created.add(device(String.format("dev-%02d", i))));
        return created;
    }

    private Target device(String controllerId) {
        return entities.persist(new Target(TENANT, controllerId, controllerId, "token"));
    }

    private Rollout create(Integer amountGroups, List<GroupDefinition> definitions) {
        return create("controllerId==dev*", amountGroups, definitions);
    }

    private Rollout create(String filter, Integer amountGroups, List<GroupDefinition> definitions) {
        return service.create(
                TENANT,
                new RolloutPlanner.Create(
                        "r",
                        null,
                        filter,
                        set.getId(),
                        amountGroups,
                        definitions,
                        null,
                        null,
                        null,
                        null,
                        RolloutConditions.DEFAULT));
    }

    private static GroupDefinition group(String name, double percentage) {
        return group(name, null, percentage);
    }

    private static GroupDefinition group(String name, String filter, double percentage) {
        return new GroupDefinition(name, null, filter, percentage, RolloutConditions.DEFAULT);
    }

    /** The controller ids of each group, groups in position order, targets in id order. */
    private List<List<String>> members(Rollout rollout) {
        return groups.findByRolloutIdOrderByPosition(rollout.getId()).stream()
                .map(g -> jdbc.queryForList(
                        "select t.controller_id from rollout_target_group rtg join target t "
                                + "on t.id = rtg.target_id where rtg.rollout_group_id = ? order by t.id",
                        String.class,
                        g.getId()))
                .toList();
    }

    private List<Integer> sizes(Rollout rollout) {
        return members(rollout).stream().map(List::size).toList();
    }

    private static void assertRefused(ThrowingCallable call, ServerError error) {
        assertThatThrownBy(call)
                .isInstanceOf(HawkbitException.class)
                .satisfies(e -> assertThat(((HawkbitException) e).error()).isEqualTo(error));
    }

    // ---- amountGroups

    @Test
    void amountGroups_earlierGroupsTakeTheRoundedUpShare() {
        devices(10);
        assertThat(sizes(create(3, null))).containsExactly(4, 3, 3);
    }

    @Test
    void amountGroups_dividingEvenlyGivesEqualGroups() {
        devices(9);
        assertThat(sizes(create(3, null))).containsExactly(3, 3, 3);
    }

    @Test
    void amountGroups_floatingPointShareDoesNotRoundUpAWholeNumber() {
        // 3 targets x 100/3 % is 1.0000000000000002 in double arithmetic: still one target per group.
        devices(3);
        assertThat(sizes(create(3, null))).containsExactly(1, 1, 1);
    }

    @Test
    void amountGroups_moreGroupsThanTargetsLeavesTheLastGroupsEmpty() {
        devices(2);
        assertThat(sizes(create(3, null))).containsExactly(1, 1, 0);
    }

    @Test
    void amountGroups_lowestIdsGoFirstAndEveryTargetOnce() {
        devices(5);
        assertThat(members(create(2, null)))
                .containsExactly(List.of("dev-01", "dev-02", "dev-03"), List.of("dev-04", "dev-05"));
    }

    @Test
    void amountGroups_groupsAreNamedByPosition() {
        devices(2);
        Rollout rollout = create(2, null);
        assertThat(groups.findByRolloutIdOrderByPosition(rollout.getId()))
                .extracting(RolloutGroup::getName)
                .containsExactly("group-1", "group-2");
    }

    @Test
    void amountGroups_missingOrBelowOneIsRefused() {
        devices(1);
        assertRefused(() -> create(null, null), ServerError.PARAM_INVALID);
        assertRefused(() -> create(0, null), ServerError.PARAM_INVALID);
    }

    @Test
    void amountGroups_aboveTheQuotaIsRefused() {
        devices(1);
        assertRefused(() -> create(RolloutPlanner.MAX_GROUPS + 1, null), ServerError.QUOTA_EXCEEDED);
    }

    // ---- explicit groups

    @Test
    void groups_eachTakesItsPercentageOfTheTargetsLeft() {
        devices(10);
        Rollout rollout = create(null, List.of(group("a", 20), group("b", 50), group("c", 100)));
        assertThat(sizes(rollout)).containsExactly(2, 4, 4);
    }

    @Test
    void groups_percentageRoundsUpSoASmallShareGetsATarget() {
        devices(10);
        assertThat(sizes(create(null, List.of(group("a", 15), group("b", 1), group("c", 100)))))
                .containsExactly(2, 1, 7);
    }

    @Test
    void groups_ownFilterPicksAmongTheTargetsLeft() {
        devices(6);
        device("lab-01");
        device("lab-02");
        Rollout rollout =
                create("controllerId==*", null, List.of(group("labs", "controllerId==lab*", 100), group("rest", 100)));
        assertThat(members(rollout))
                .containsExactly(
                        List.of("lab-01", "lab-02"),
                        List.of("dev-01", "dev-02", "dev-03", "dev-04", "dev-05", "dev-06"));
    }

    @Test
    void groups_ownFilterCannotReachBeyondTheRolloutFilter() {
        devices(2);
        device("lab-01");
        Rollout rollout = create(
                "controllerId==dev*", null, List.of(group("labs", "controllerId==lab*", 100), group("rest", 100)));
        assertThat(members(rollout)).containsExactly(List.of(), List.of("dev-01", "dev-02"));
    }

    @Test
    void groups_targetsLeftOverAfterTheLastGroupAreRefused() {
        devices(4);
        assertRefused(() -> create(null, List.of(group("a", 50), group("b", 50))), ServerError.CONSTRAINT_VIOLATION);
    }

    @Test
    void groups_percentageOutsideAboveZeroToHundredIsRefused() {
        devices(2);
        assertRefused(() -> create(null, List.of(group("a", 0))), ServerError.PARAM_INVALID);
        assertRefused(() -> create(null, List.of(group("a", 100.5))), ServerError.PARAM_INVALID);
        assertRefused(() -> create(null, List.of(group("a", -10))), ServerError.PARAM_INVALID);
    }

    @Test
    void groups_needDistinctNonBlankNames() {
        devices(2);
        assertRefused(() -> create(null, List.of(group("a", 50), group("a", 100))), ServerError.PARAM_INVALID);
        assertRefused(() -> create(null, List.of(group(" ", 100))), ServerError.PARAM_INVALID);
        assertRefused(() -> create(null, List.of(group(null, 100))), ServerError.PARAM_INVALID);
    }

    @Test
    void groups_takePrecedenceOverAmountGroups() {
        devices(4);
        assertThat(sizes(create(3, List.of(group("only", 100))))).containsExactly(4);
    }

    @Test
    void groups_aboveTheQuotaAreRefused() {
        devices(1);
        List<GroupDefinition> tooMany = IntStream.rangeClosed(0, RolloutPlanner.MAX_GROUPS)
                .mapToObj(i -> group("g" + i, 100))
                .toList();
        assertRefused(() -> create(null, tooMany), ServerError.QUOTA_EXCEEDED);
    }

    // ---- which targets

    @Test
    void candidates_skipTargetsWithTheSetInstalledOrAnOpenActionForIt() {
        List<Target> devices = devices(4);
        devices.get(0).setInstalledDistributionSet(set);
        entities.persist(new Action(devices.get(1), set, ActionType.FORCED, 0, null));
        devices.get(2).setInstalledDistributionSet(otherSet);
        entities.flush();
        assertThat(members(create(1, null))).containsExactly(List.of("dev-03", "dev-04"));
    }

    @Test
    void candidates_includeTargetsWhoseEarlierAttemptFailedOrThatRunAnotherSet() {
        List<Target> devices = devices(2);
        Action failed = new Action(devices.get(0), set, ActionType.FORCED, 0, null);
        failed.applyDeploymentFeedback(
                new Feedback(Feedback.Execution.CLOSED, Feedback.Result.FAILURE, null, null, null));
        entities.persist(failed);
        entities.persist(new Action(devices.get(1), otherSet, ActionType.FORCED, 0, null));
        entities.flush();
        assertThat(members(create(1, null))).containsExactly(List.of("dev-01", "dev-02"));
    }

    @Test
    void candidates_comeFromTheRolloutFilterAndTenantOnly() {
        devices(3);
        device("lab-01");
        entities.persist(new Target("other-tenant", "dev-99", "dev-99", "token"));
        assertThat(members(create("controllerId=out=(dev-02)", 1, null)))
                .containsExactly(List.of("dev-01", "dev-03", "lab-01"));
    }

    @Test
    void candidates_noneIsRefused() {
        device("lab-01");
        assertRefused(() -> create(1, null), ServerError.CONSTRAINT_VIOLATION);
    }

    @Test
    void create_isReadyOrWaitsForApprovalWhenTheTenantAsksForIt() {
        devices(1);
        assertThat(create(1, null).getStatus()).isEqualTo(RolloutStatus.READY);
        entities.persist(new TenantConfiguration(TENANT, "rollout.approval.enabled", "true"));
        assertThat(service.create(
                                TENANT,
                                new RolloutPlanner.Create(
                                        "r2",
                                        null,
                                        "controllerId==*",
                                        set.getId(),
                                        1,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        RolloutConditions.DEFAULT))
                        .getStatus())
                .isEqualTo(RolloutStatus.WAITING_FOR_APPROVAL);
    }
}
