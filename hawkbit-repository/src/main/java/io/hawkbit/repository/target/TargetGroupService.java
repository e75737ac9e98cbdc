package io.hawkbit.repository.target;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.query.RsqlSpecification;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of target groups (hawkBit 0.10+): a free-text group per target, where {@code /} separates sub-groups
 * ({@code EU/DE} is a sub-group of {@code EU}). Groups are compared without regard to case.
 */
@Service
public class TargetGroupService {

    private final TargetRepository targets;
    private final TargetEvents targetEvents;

    public TargetGroupService(TargetRepository targets, TargetEvents targetEvents) {
        this.targets = targets;
        this.targetEvents = targetEvents;
    }

    /** The tenant's distinct groups, in ascending order. */
    @Transactional(readOnly = true)
    public List<String> groups(String tenant) {
        return targets.findDistinctGroups(tenant);
    }

    /**
     * Targets in the group; with {@code subgroups} also those in any group below it ({@code group/...}).
     *
     * @throws HawkbitException (400) for a blank or too long group
     */
    @Transactional(readOnly = true)
    public Page<Target> members(String tenant, String group, boolean subgroups, Pageable pageable) {
        String lower = checked(group).toLowerCase();
        Specification<Target> spec = (root, q, cb) -> {
            var column = cb.lower(root.get("group"));
            var same = cb.equal(column, lower);
            var inTenant = cb.equal(root.get("tenant"), tenant);
            if (!subgroups) {
                return cb.and(inTenant, same);
            }
            String below = lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
            return cb.and(inTenant, cb.or(same, cb.like(column, below, '\\')));
        };
        return targets.findAll(spec, pageable);
    }

    /**
     * Puts the targets with these controllerIds into the group ({@code null} takes them out of their group).
     * controllerIds that name no target are passed over, as hawkBit does.
     */
    @Transactional
    public void assign(String tenant, String group, Collection<String> controllerIds) {
        String value = group == null ? null : checked(group);
        if (controllerIds == null || controllerIds.isEmpty()) {
            throw new HawkbitException(ServerError.BODY_NOT_READABLE, "The list of controllerIds must not be empty");
        }
        set(
                BatchQuota.inChunks(
                        controllerIds.stream()
                                .filter(java.util.Objects::nonNull)
                                .collect(java.util.stream.Collectors.toSet()),
                        chunk -> targets.findByTenantAndControllerIdIn(tenant, chunk)),
                value);
    }

    /** Puts every target the RSQL filter matches into the group ({@code null} takes them out of their group). */
    @Transactional
    public void assignMatching(String tenant, String group, String rsql) {
        String value = group == null ? null : checked(group);
        if (rsql == null || rsql.isBlank()) {
            throw new HawkbitException(ServerError.PARAM_INVALID, "The parameter 'q' is required");
        }
        Specification<Target> spec = RsqlSpecification.<Target>parse(rsql, TargetService.FIELDS)
                .and((root, q, cb) -> cb.equal(root.get("tenant"), tenant));
        set(targets.findAll(spec), value);
    }

    private void set(List<Target> matched, String group) {
        List<Target> changed = matched.stream()
                .filter(t -> group == null ? t.getGroup() != null : !group.equals(t.getGroup()))
                .toList();
        changed.forEach(t -> t.setGroup(group));
        targets.flush();
        changed.forEach(targetEvents::updated);
    }

    /**
     * A group as stored: not blank, at most {@link Target#GROUP_MAX_LENGTH} characters, sub-groups separated by
     * {@code /} each neither blank nor {@code .} or {@code ..}, no backslash.
     *
     * @throws HawkbitException (400) otherwise
     */
    public static String checked(String group) {
        if (group == null || group.isBlank()) {
            throw new HawkbitException(ServerError.PARAM_INVALID, "The target group must not be blank");
        }
        if (group.length() > Target.GROUP_MAX_LENGTH) {
            throw new HawkbitException(
                    ServerError.PARAM_INVALID,
                    "The target group must not be longer than " + Target.GROUP_MAX_LENGTH + " characters");
        }
        // "/" separates sub-groups: a segment that is empty, "." or ".." (or a backslash, a separator elsewhere) reads
        // as a path step in operators' tools and scripts and is refused rather than stored as a look-alike.
        if (group.contains("\\")) {
            throw new HawkbitException(ServerError.PARAM_INVALID, "The target group must not contain a backslash");
        }
        for (String segment : group.split("/", -1)) {
            if (segment.isBlank() || segment.equals(".") || segment.equals("..")) {
                throw new HawkbitException(
                        ServerError.PARAM_INVALID,
                        "The target group must not have an empty, '.' or '..' sub-group: " + group);
            }
        }
        return group;
    }
}
