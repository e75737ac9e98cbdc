package io.hawkbit.repository.targetfilter;

import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.error.EntityAlreadyExistsException;
import io.hawkbit.repository.error.EntityNotFoundException;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.TargetFilterQueryCreatedEvent;
import io.hawkbit.repository.event.TargetFilterQueryDeletedEvent;
import io.hawkbit.repository.event.TargetFilterQueryUpdatedEvent;
import io.hawkbit.repository.query.QueryFields;
import io.hawkbit.repository.query.RsqlSpecification;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.repository.tenant.TenantConfigKey;
import io.hawkbit.repository.tenant.TenantSettings;
import java.util.Map;
import org.hibernate.Hibernate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of target filter queries and their auto-assignment settings. */
@Service
public class TargetFilterQueryService {

    /** hawkBit 1.1's {@code TargetFilterQueryFields}, plus {@code query} and the set's id kept from before. */
    public static final QueryFields FIELDS = QueryFields.of(Map.ofEntries(
            Map.entry("id", "id"),
            Map.entry("name", "name"),
            Map.entry("query", "query"),
            Map.entry("autoAssignDistributionSet.id", "autoAssignDistributionSet.id"),
            Map.entry("autoAssignDistributionSet.name", "autoAssignDistributionSet.name"),
            Map.entry("autoAssignDistributionSet.version", "autoAssignDistributionSet.version"),
            Map.entry("createdAt", "createdAt"),
            Map.entry("createdBy", "createdBy"),
            Map.entry("lastModifiedAt", "lastModifiedAt"),
            Map.entry("lastModifiedBy", "lastModifiedBy")));

    private final TargetFilterQueryRepository filters;
    private final DistributionSetService distributionSets;
    private final TargetService targets;
    private final ClusterEventPublisher events;
    private final TenantSettings settings;

    public TargetFilterQueryService(
            TargetFilterQueryRepository filters,
            DistributionSetService distributionSets,
            TargetService targets,
            ClusterEventPublisher events,
            TenantSettings settings) {
        this.settings = settings;
        this.filters = filters;
        this.targets = targets;
        this.distributionSets = distributionSets;
        this.events = events;
    }

    /** What a filter's auto-assignment does; {@code type} null means forced, as in hawkBit. */
    /**
     * What a filter's auto-assignment does; {@code type} null means forced, as in hawkBit. {@code confirmationRequired}
     * null means what the tenant's confirmation flow says when the auto-assignment is set.
     */
    public record AutoAssign(Long distributionSetId, ActionType type, Integer weight, Boolean confirmationRequired) {

        public AutoAssign(Long distributionSetId, ActionType type, Integer weight) {
            this(distributionSetId, type, weight, null);
        }
    }

    public record Create(String name, String query, AutoAssign autoAssign) {}

    /** Creates a filter; its query must parse and name only target fields ({@code InvalidQueryException} otherwise). */
    @Transactional
    public TargetFilterQuery create(String tenant, Create create) {
        if (filters.existsByTenantAndName(tenant, create.name())) {
            throw new EntityAlreadyExistsException("Target filter query '" + create.name() + "' already exists");
        }
        validate(tenant, create.query());
        TargetFilterQuery filter = new TargetFilterQuery(tenant, create.name(), create.query());
        if (create.autoAssign() != null && create.autoAssign().distributionSetId() != null) {
            applyAutoAssign(tenant, filter, create.autoAssign());
        }
        TargetFilterQuery saved = filters.saveAndFlush(filter);
        events.publish(new TargetFilterQueryCreatedEvent(tenant, saved.getId(), events.origin()));
        return loaded(saved);
    }

    @Transactional(readOnly = true)
    public TargetFilterQuery get(String tenant, Long id) {
        return loaded(filters.findByTenantAndId(tenant, id)
                .orElseThrow(() -> new EntityNotFoundException("TargetFilterQuery", id)));
    }

    @Transactional(readOnly = true)
    public Page<TargetFilterQuery> find(String tenant, String rsql, Pageable pageable) {
        Specification<TargetFilterQuery> spec = RsqlSpecification.<TargetFilterQuery>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("tenant"), tenant));
        Page<TargetFilterQuery> page = filters.findAll(spec, pageable);
        page.forEach(TargetFilterQueryService::loaded);
        return page;
    }

    public record Update(String name, String query) {}

    @Transactional
    public TargetFilterQuery update(String tenant, Long id, Update update) {
        TargetFilterQuery filter = get(tenant, id);
        if (update.name() != null && !update.name().equals(filter.getName())) {
            if (filters.existsByTenantAndName(tenant, update.name())) {
                throw new EntityAlreadyExistsException("Target filter query '" + update.name() + "' already exists");
            }
            filter.setName(update.name());
        }
        if (update.query() != null) {
            validate(tenant, update.query());
            filter.setQuery(update.query());
        }
        return updated(filter);
    }

    /** Sets the filter's auto-assign set (null id: removes it). The set must exist, be undeleted and complete. */
    @Transactional
    public TargetFilterQuery autoAssign(String tenant, Long id, AutoAssign autoAssign) {
        TargetFilterQuery filter = get(tenant, id);
        if (autoAssign == null || autoAssign.distributionSetId() == null) {
            filter.setAutoAssign(null, null, null);
        } else {
            applyAutoAssign(tenant, filter, autoAssign);
        }
        return updated(filter);
    }

    /** The filters auto-assigning the set, filtered by RSQL (the set's existence is the caller's to check). */
    @Transactional(readOnly = true)
    public Page<TargetFilterQuery> autoAssigning(String tenant, Long setId, String rsql, Pageable pageable) {
        Specification<TargetFilterQuery> spec = RsqlSpecification.<TargetFilterQuery>parse(rsql, FIELDS)
                .and((root, q, cb) -> cb.and(
                        cb.equal(root.get("tenant"), tenant),
                        cb.equal(root.get("autoAssignDistributionSet").get("id"), setId)));
        Page<TargetFilterQuery> page = filters.findAll(spec, pageable);
        page.forEach(TargetFilterQueryService::loaded);
        return page;
    }

    /** Removes the set from every filter auto-assigning it (an invalidated set is never auto-assigned again). */
    @Transactional
    public void stopAutoAssigning(String tenant, Long setId) {
        for (TargetFilterQuery filter : filters.findAll((root, q, cb) -> cb.and(
                cb.equal(root.get("tenant"), tenant),
                cb.equal(root.get("autoAssignDistributionSet").get("id"), setId)))) {
            filter.setAutoAssign(null, null, null);
            updated(filter);
        }
    }

    @Transactional
    public void delete(String tenant, Long id) {
        filters.delete(get(tenant, id));
        events.publish(new TargetFilterQueryDeletedEvent(tenant, id, events.origin()));
    }

    private TargetFilterQuery updated(TargetFilterQuery filter) {
        TargetFilterQuery saved = filters.saveAndFlush(filter);
        events.publish(new TargetFilterQueryUpdatedEvent(saved.getTenant(), saved.getId(), events.origin()));
        return loaded(saved);
    }

    private void applyAutoAssign(String tenant, TargetFilterQuery filter, AutoAssign autoAssign) {
        DistributionSet set = distributionSets.deployable(tenant, autoAssign.distributionSetId());
        ActionType type = autoAssign.type() == null ? ActionType.FORCED : autoAssign.type();
        if (type == ActionType.TIMEFORCED) {
            // An auto-assignment has no force time to give: hawkBit refuses it too.
            throw new HawkbitException(
                    ServerError.PARAM_INVALID, "Auto-assignment supports forced, soft and downloadonly");
        }
        filter.setAutoAssign(set, type, autoAssign.weight());
        filter.setAutoAssignConfirmationRequired(
                autoAssign.confirmationRequired() != null
                        ? autoAssign.confirmationRequired()
                        : settings.enabled(tenant, TenantConfigKey.USER_CONFIRMATION_ENABLED));
    }

    /** Parses the query and runs it once: values (an unknown update status, a text for a number) are checked only then. */
    private void validate(String tenant, String query) {
        if (query == null || query.isBlank()) {
            throw new HawkbitException(ServerError.RSQL_SYNTAX, "A target filter query needs a non-empty query");
        }
        targets.find(tenant, query, PageRequest.of(0, 1));
    }

    private static TargetFilterQuery loaded(TargetFilterQuery filter) {
        Hibernate.initialize(filter.getAutoAssignDistributionSet());
        return filter;
    }
}
