package io.hawkbit.repository.target;

import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.targettype.TargetType;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;

/**
 * Targets that may get a distribution set: those without a type, and those whose type lists the set's type as
 * compatible. Rollouts and auto-assignment leave the others out, as hawkBit does.
 */
public final class CompatibleTargets {

    private CompatibleTargets() {}

    /** Targets that may get a set of the given distribution set type. */
    public static Specification<Target> withType(Long distributionSetTypeId) {
        return (root, cq, cb) -> {
            Subquery<Long> compatible = cq.subquery(Long.class);
            Root<TargetType> type = compatible.from(TargetType.class);
            compatible
                    .select(type.get("id"))
                    .where(
                            cb.equal(type.get("id"), root.get("targetType").get("id")),
                            cb.equal(type.join("distributionSetTypes").get("id"), distributionSetTypeId));
            return cb.or(cb.isNull(root.get("targetType")), cb.exists(compatible));
        };
    }

    /** Targets that may get the given set; its type is read in the same query. */
    public static Specification<Target> withSet(Long distributionSetId) {
        return (root, cq, cb) -> {
            Subquery<Long> compatible = cq.subquery(Long.class);
            Root<TargetType> type = compatible.from(TargetType.class);
            Subquery<Long> setType = compatible.subquery(Long.class);
            Root<DistributionSet> set = setType.from(DistributionSet.class);
            setType.select(set.get("type").get("id")).where(cb.equal(set.get("id"), distributionSetId));
            compatible
                    .select(type.get("id"))
                    .where(
                            cb.equal(type.get("id"), root.get("targetType").get("id")),
                            cb.equal(type.join("distributionSetTypes").get("id"), setType));
            return cb.or(cb.isNull(root.get("targetType")), cb.exists(compatible));
        };
    }
}
