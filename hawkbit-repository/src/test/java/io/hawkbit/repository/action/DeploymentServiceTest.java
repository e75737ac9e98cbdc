package io.hawkbit.repository.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.action.DeploymentService.Assigned;
import io.hawkbit.repository.action.DeploymentService.Assignment;
import io.hawkbit.repository.action.DeploymentService.AssignmentResult;
import io.hawkbit.repository.action.DeploymentService.RolloutOrigin;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.distribution.DistributionSetType;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.event.ActionCreatedEvent;
import io.hawkbit.repository.event.ActionUpdatedEvent;
import io.hawkbit.repository.event.ClusterEvent;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.DistributionSetAssignedEvent;
import io.hawkbit.repository.event.DistributionSetUpdatedEvent;
import io.hawkbit.repository.event.NodeProperties;
import io.hawkbit.repository.event.TargetUpdatedEvent;
import io.hawkbit.repository.rollout.Rollout;
import io.hawkbit.repository.rollout.RolloutConditions;
import io.hawkbit.repository.rollout.RolloutGroup;
import io.hawkbit.repository.rollout.RolloutStatus;
import io.hawkbit.repository.target.AutoConfirmationRepository;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetEvents;
import io.hawkbit.repository.target.TargetRepository;
import io.hawkbit.repository.targettype.IncompatibleTargetTypeException;
import io.hawkbit.repository.targettype.TargetType;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantConfiguration;
import io.hawkbit.repository.tenant.TenantConfigurationRepository;
import io.hawkbit.repository.tenant.TenantConfigurationService;
import io.hawkbit.repository.tenant.TenantSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Assignment batches of the rollout scheduler and auto-assignment ({@code bulk}): targets without an open action are
 * written set-based without ever becoming entities, the others (an open action to replace or keep, a maintenance
 * window, the consent flow) take the entity path, and the outcome (result, rows, events) is the one of the entity path
 * for all. The service is built by hand from the real repositories; only the set lookup is stubbed (it returns the
 * managed set, so its lock is written). Each test runs in a transaction that is rolled back; events are recorded
 * when published, not after a commit.
 */
@RepositoryJpaTest
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class DeploymentServiceTest {

    private static final String TENANT = "deploy-test";
    private static final String OWNER = "rollout-owner";
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final String ROLLOUT_MESSAGE = "Assignment initiated by rollout 'spring', group 'first'";

    @Autowired
    TestEntityManager entities;

    @Autowired
    EntityManager entityManager;

    @Autowired
    DataSource dataSource;

    @Autowired
    ActionRepository actions;

    @Autowired
    ActionStatusRepository statuses;

    @Autowired
    TargetRepository targets;

    @Autowired
    TenantConfigurationRepository configs;

    @Autowired
    AutoConfirmationRepository autoConfirmations;

    private final List<ClusterEvent> published = new ArrayList<>();
    private NamedParameterJdbcTemplate jdbc;
    private DeploymentService service;
    private DistributionSetType os;
    private DistributionSet set;
    private DistributionSet previous;
    private Rollout rollout;
    private RolloutGroup group;
    /** Lists the set's type as compatible. */
    private TargetType gateway;
    /** Lists another type only. */
    private TargetType sensor;

    @BeforeEach
    void setUp() {
        os = entities.persist(new DistributionSetType(TENANT, "os", "OS", null));
        DistributionSetType app = entities.persist(new DistributionSetType(TENANT, "app", "App", null));
        set = entities.persist(new DistributionSet(TENANT, os, "os", "2.0"));
        previous = entities.persist(new DistributionSet(TENANT, os, "os", "1.0"));
        gateway = entities.persist(new TargetType(TENANT, "gateway", "Gateway", null, null));
        sensor = entities.persist(new TargetType(TENANT, "sensor", "Sensor", null, null));
        rollout = entities.persist(new Rollout(
                TENANT, "spring", null, "name==*", set, ActionType.FORCED, 0, null, null, RolloutStatus.RUNNING));
        group = entities.persist(new RolloutGroup(rollout, 0, "first", null, null, 100, RolloutConditions.DEFAULT));
        entities.flush();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        // The compatibility list is the type service's to edit; written here as rows.
        compatible(gateway, os);
        compatible(sensor, app);

        DistributionSetService sets = mock(DistributionSetService.class);
        when(sets.deployable(eq(TENANT), anyLong()))
                .thenAnswer(call -> entityManager.find(DistributionSet.class, call.getArgument(1, Long.class)));
        NodeProperties node = new NodeProperties();
        node.setId("test-node");
        ClusterEventPublisher events = new ClusterEventPublisher(event -> {}, node, new SimpleMeterRegistry()) {
            @Override
            public void publish(ClusterEvent event) {
                published.add(event);
            }
        };
        TenantSettings settings = new TenantSettings(configs, new ConcurrentMapCacheManager());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ActionEvents actionEvents = new ActionEvents(events);
        TargetEvents targetEvents = new TargetEvents(events);
        ConsentPolicy.Factory consent = new ConsentPolicy.Factory(settings, autoConfirmations);
        EntityAssignment entityAssignment = new EntityAssignment(
                actions,
                statuses,
                targets,
                new ActionCancellation(
                        actions, statuses, mock(ActionQueries.class), clock, actionEvents, targetEvents, events),
                consent);
        service = new DeploymentService(
                actions,
                sets,
                new TenantConfigurationService(configs, settings, events),
                clock,
                events,
                actionEvents,
                targetEvents,
                consent,
                entityAssignment,
                new SetBasedAssignment(
                        targets,
                        new BatchTargets(jdbc),
                        new ActionBulkInsert(jdbc, () -> Optional.of("scheduler"), clock),
                        entityAssignment),
                // Only the Management API's path is held to the action quota (ActionQuotaIT); not what this tests.
                mock(ActionQuota.class));
    }

    @Test
    void rolloutBatch_writesFreeTargetsSetBased_replacesOtherOpenActions_andKeepsOneForTheSameSet() {
        target("free-1", null);
        Target busy = target("busy", null);
        Action replaced = action(busy, previous, false);
        target("free-2", gateway);
        Target same = target("same", null);
        Action kept = action(same, set, false);
        target("free-3", null);
        clear();

        AssignmentResult result =
                service.assign(origin(false), assignments("free-1", "busy", "free-2", "same", "free-3"), OWNER);

        // The entity path's actions first, then the set-based ones, lowest id first.
        assertThat(controllerIds(result.assigned())).containsExactly("busy", "free-1", "free-2", "free-3");
        assertThat(result.alreadyAssigned()).extracting(Action::getId).containsExactly(kept.getId());
        assertThat(result.incompatible()).isEmpty();
        for (Assigned assigned : result.assigned()) {
            Map<String, Object> row = actionRow(assigned.actionId());
            assertThat(row.get("controller_id")).isEqualTo(assigned.controllerId());
            assertThat(((Number) row.get("distribution_set_id")).longValue()).isEqualTo(set.getId());
            assertThat(row.get("status")).isEqualTo("RUNNING");
            assertThat(row.get("active")).isEqualTo(true);
            assertThat(((Number) row.get("rollout_group_id")).longValue()).isEqualTo(group.getId());
            assertThat(messages(assigned.actionId())).containsExactly(ROLLOUT_MESSAGE);
            assertThat(assignedSet(assigned.controllerId())).isEqualTo(set.getId());
            assertThat(updateStatus(assigned.controllerId())).isEqualTo("PENDING");
        }
        assertThat(actions.findById(replaced.getId()).orElseThrow().getStatus()).isEqualTo(ActionState.CANCELING);
        assertThat(actionsOf("same")).isEqualTo(1);
        assertThat(actionsOf("busy")).isEqualTo(2);

        DistributionSetAssignedEvent assignedEvent = only(DistributionSetAssignedEvent.class);
        assertThat(assignedEvent.getControllerIds()).isEqualTo(controllerIds(result.assigned()));
        assertThat(assignedEvent.getActionIds())
                .isEqualTo(result.assigned().stream().map(Assigned::actionId).toList());
        assertThat(events(ActionCreatedEvent.class))
                .extracting(ActionCreatedEvent::getControllerId)
                .containsExactly("busy");
        assertThat(events(TargetUpdatedEvent.class))
                .extracting(TargetUpdatedEvent::getControllerId)
                .containsExactly("busy");
        assertThat(events(ActionUpdatedEvent.class))
                .extracting(ActionUpdatedEvent::getEntityId)
                .containsExactly(replaced.getId());
        assertThat(only(DistributionSetUpdatedEvent.class).getEntityId()).isEqualTo(set.getId());
        assertThat(entityManager.find(DistributionSet.class, set.getId()).isLocked())
                .isTrue();
    }

    @Test
    void rolloutBatch_leavesAnIncompatibleTypedTargetOut_andAssignsTheRest() {
        target("untyped", null);
        Target refused = target("sensor-1", sensor);
        target("gateway-1", gateway);
        Target refusedBusy = target("sensor-2", sensor);
        action(refusedBusy, previous, false);
        clear();

        AssignmentResult result =
                service.assign(origin(false), assignments("sensor-2", "untyped", "sensor-1", "gateway-1"), OWNER);

        assertThat(controllerIds(result.assigned())).containsExactly("untyped", "gateway-1");
        assertThat(result.incompatible())
                .extracting(Target::getId)
                .containsExactly(refused.getId(), refusedBusy.getId());
        assertThat(result.alreadyAssigned()).isEmpty();
        assertThat(actionsOf("sensor-1")).isZero();
        assertThat(actionsOf("sensor-2")).isEqualTo(1);
        assertThat(assignedSet("sensor-1")).isNull();
        assertThat(only(DistributionSetAssignedEvent.class).getControllerIds()).containsExactly("untyped", "gateway-1");
        assertThat(events(ActionUpdatedEvent.class)).isEmpty();
    }

    @Test
    void autoAssignBatch_withAnIncompatibleTypedTarget_isRefusedWhole() {
        target("untyped", null);
        target("sensor-1", sensor);
        clear();

        assertThatThrownBy(() -> service.assignInBulk(TENANT, set.getId(), assignments("untyped", "sensor-1"), OWNER))
                .isInstanceOf(IncompatibleTargetTypeException.class)
                .hasMessage("Target of type Sensor is not compatible with distribution set of type OS");
        assertThat(actionsOf("untyped")).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void bulkBatch_naming_an_unknown_controllerId_isRefusedWhole() {
        target("known", null);
        clear();

        assertThatThrownBy(() -> service.assignInBulk(TENANT, set.getId(), assignments("known", "unknown"), OWNER))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining("unknown");
        assertThat(actionsOf("known")).isZero();
    }

    @Test
    void autoAssignBatch_countsAnOpenActionOfTheSet_asAssignedAlready_butNotACancelingOne() {
        Target same = target("same", null);
        Action kept = action(same, set, false);
        Target canceling = target("canceling", null);
        Action leaving = action(canceling, set, true);
        target("free", null);
        clear();

        AssignmentResult result =
                service.assignInBulk(TENANT, set.getId(), assignments("same", "canceling", "free"), OWNER);

        assertThat(result.alreadyAssigned()).extracting(Action::getId).containsExactly(kept.getId());
        assertThat(controllerIds(result.assigned())).containsExactly("canceling", "free");
        assertThat(actionsOf("same")).isEqualTo(1);
        assertThat(actions.findById(leaving.getId()).orElseThrow().getStatus()).isEqualTo(ActionState.CANCELING);
        assertThat(messages(result.assigned().get(1).actionId()))
                .containsExactly("Assignment initiated by user '" + OWNER + "'");
        assertThat(only(DistributionSetAssignedEvent.class).getControllerIds()).containsExactly("canceling", "free");
        assertThat(events(ActionCreatedEvent.class))
                .extracting(ActionCreatedEvent::getControllerId)
                .containsExactly("canceling");
    }

    @Test
    void bulkBatch_givesATargetWithAMaintenanceWindow_anActionWithTheWindow() {
        target("plain", null);
        target("windowed", null);
        clear();
        MaintenanceWindow window =
                MaintenanceWindow.of("0 0 3 * * ?", "01:00:00", "+00:00").orElseThrow();

        AssignmentResult result = service.assignInBulk(
                TENANT,
                set.getId(),
                List.of(
                        new Assignment("plain", ActionType.SOFT, null, null),
                        new Assignment("windowed", ActionType.SOFT, null, null, window)),
                OWNER);

        assertThat(controllerIds(result.assigned())).containsExactly("windowed", "plain");
        Action windowed = actions.findById(result.assigned().get(0).actionId()).orElseThrow();
        assertThat(windowed.getMaintenanceWindow())
                .map(MaintenanceWindow::getSchedule)
                .contains("0 0 3 * * ?");
        assertThat(windowed.getActionType()).isEqualTo(ActionType.SOFT);
        assertThat(actionRow(result.assigned().get(1).actionId()).get("action_type"))
                .isEqualTo("SOFT");
        assertThat(actionRow(result.assigned().get(1).actionId()).get("maintenance_cron_schedule"))
                .isNull();
    }

    @Test
    void rolloutBatch_withTheConsentFlowOn_makesEveryActionWaitAsAnEntity() {
        entities.persist(new TenantConfiguration(TENANT, TenantConfigKey.USER_CONFIRMATION_ENABLED.key(), "true"));
        target("one", null);
        target("two", gateway);
        clear();

        AssignmentResult result = service.assign(origin(true), assignments("one", "two"), OWNER);

        assertThat(controllerIds(result.assigned())).containsExactly("one", "two");
        for (Assigned assigned : result.assigned()) {
            assertThat(actionRow(assigned.actionId()).get("status")).isEqualTo("WAIT_FOR_CONFIRMATION");
        }
        assertThat(events(ActionCreatedEvent.class)).hasSize(2);
    }

    @Test
    void rolloutBatch_withMultiAssignmentOn_keepsTheOpenActionBesideTheNewOne() {
        entities.persist(new TenantConfiguration(TENANT, TenantConfigKey.MULTI_ASSIGNMENTS_ENABLED.key(), "true"));
        Target busy = target("busy", null);
        Action other = action(busy, previous, false);
        clear();

        AssignmentResult result = service.assign(origin(false), assignments("busy"), OWNER);

        assertThat(controllerIds(result.assigned())).containsExactly("busy");
        assertThat(actions.findById(other.getId()).orElseThrow().getStatus()).isEqualTo(ActionState.RUNNING);
        assertThat(actionsOf("busy")).isEqualTo(2);
    }

    @Test
    void setBasedBatch_loadsNoTargetActionOrTypeEntity_andItsStatementsDoNotGrowWithTheBatch() {
        IntStream.range(0, 44).forEach(i -> target("fleet-" + i, i % 2 == 0 ? gateway : null));
        DistributionSet small = entities.persist(new DistributionSet(TENANT, os, "os", "3.0"));
        DistributionSet large = entities.persist(new DistributionSet(TENANT, os, "os", "4.0"));
        clear();
        // Once before measuring: the tenant's settings are cached from then on.
        service.assign(origin(false), assignments("fleet-0"), OWNER);
        clear();
        Statistics statistics = statistics();

        statistics.clear();
        assertThat(service.assign(origin(small), assignments(controllerIds("fleet-", 1, 3)), OWNER)
                        .assigned())
                .hasSize(3);
        long smallStatements = statistics.getPrepareStatementCount();
        clear();
        statistics.clear();
        assertThat(service.assign(origin(large), assignments(controllerIds("fleet-", 4, 40)), OWNER)
                        .assigned())
                .hasSize(40);

        assertThat(statistics.getEntityStatistics(Target.class.getName()).getLoadCount())
                .isZero();
        assertThat(statistics.getEntityStatistics(Action.class.getName()).getLoadCount())
                .isZero();
        assertThat(statistics.getEntityStatistics(TargetType.class.getName()).getLoadCount())
                .isZero();
        assertThat(statistics.getPrepareStatementCount())
                .as("Hibernate's statements for 40 targets (for 3: %d)", smallStatements)
                .isEqualTo(smallStatements);
    }

    @Test
    void bulkBatch_loadsAsEntitiesOnlyTheTargetsWithAnOpenAction() {
        IntStream.range(0, 20).forEach(i -> target("fleet-" + i, null));
        Target busy = target("busy", null);
        action(busy, previous, false);
        clear();
        List<String> requested = new ArrayList<>(controllerIds("fleet-", 0, 20));
        requested.add(10, "busy");
        Statistics statistics = statistics();
        statistics.clear();

        AssignmentResult result = service.assign(origin(false), assignments(requested.toArray(String[]::new)), OWNER);

        assertThat(result.assigned()).hasSize(21);
        assertThat(statistics.getEntityStatistics(Target.class.getName()).getLoadCount())
                .isEqualTo(1);
        assertThat(statistics.getEntityStatistics(Action.class.getName()).getLoadCount())
                .isEqualTo(1);
    }

    private RolloutOrigin origin(boolean confirmationRequired) {
        return new RolloutOrigin(
                TENANT, set.getId(), rollout.getId(), "spring", group.getId(), "first", confirmationRequired);
    }

    /** The same rollout and group with another set: a set's first assignment locks it, as every measured one here. */
    private RolloutOrigin origin(DistributionSet of) {
        return new RolloutOrigin(TENANT, of.getId(), rollout.getId(), "spring", group.getId(), "first");
    }

    private static List<Assignment> assignments(String... controllerIds) {
        return java.util.Arrays.stream(controllerIds)
                .map(id -> new Assignment(id, ActionType.FORCED, null, null))
                .toList();
    }

    private static List<Assignment> assignments(List<String> controllerIds) {
        return assignments(controllerIds.toArray(String[]::new));
    }

    private static List<String> controllerIds(String prefix, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> prefix + i).toList();
    }

    private static List<String> controllerIds(List<Assigned> assigned) {
        return assigned.stream().map(Assigned::controllerId).toList();
    }

    private Target target(String controllerId, TargetType type) {
        Target target = new Target(TENANT, controllerId, controllerId, "token-" + controllerId);
        target.setTargetType(type);
        return entities.persist(target);
    }

    private Action action(Target target, DistributionSet of, boolean canceling) {
        Action action = new Action(target, of, ActionType.FORCED, 0L, null);
        if (canceling) {
            action.requestCancel();
        }
        return entities.persist(action);
    }

    private void compatible(TargetType type, DistributionSetType with) {
        jdbc.update(
                "insert into target_type_ds_type (target_type_id, ds_type_id) values (:type, :with)",
                Map.of("type", type.getId(), "with", with.getId()));
    }

    /** Writes what the test made and forgets it, so the service reads it from the database as in production. */
    private void clear() {
        entities.flush();
        entities.clear();
    }

    private Statistics statistics() {
        return entityManager
                .getEntityManagerFactory()
                .unwrap(SessionFactory.class)
                .getStatistics();
    }

    private Map<String, Object> actionRow(long actionId) {
        return jdbc.queryForMap(
                "select a.*, t.controller_id from action a join target t on t.id = a.target_id where a.id = :id",
                Map.of("id", actionId));
    }

    private List<String> messages(long actionId) {
        return jdbc.queryForList(
                "select m.detail from action_status s join action_status_message m on m.action_status_id = s.id "
                        + "where s.action_id = :id order by s.id, m.position",
                Map.of("id", actionId),
                String.class);
    }

    private Long assignedSet(String controllerId) {
        return jdbc.queryForObject(
                "select assigned_distribution_set from target where tenant = :tenant and controller_id = :id",
                Map.of("tenant", TENANT, "id", controllerId),
                Long.class);
    }

    private String updateStatus(String controllerId) {
        return jdbc.queryForObject(
                "select update_status from target where tenant = :tenant and controller_id = :id",
                Map.of("tenant", TENANT, "id", controllerId),
                String.class);
    }

    private int actionsOf(String controllerId) {
        return jdbc.queryForObject(
                "select count(*) from action a join target t on t.id = a.target_id "
                        + "where t.tenant = :tenant and t.controller_id = :id",
                Map.of("tenant", TENANT, "id", controllerId),
                Integer.class);
    }

    private <E extends ClusterEvent> List<E> events(Class<E> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <E extends ClusterEvent> E only(Class<E> type) {
        List<E> found = events(type);
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }
}
