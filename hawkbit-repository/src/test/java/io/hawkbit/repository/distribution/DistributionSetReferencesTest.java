package io.hawkbit.repository.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.rollout.Rollout;
import io.hawkbit.repository.rollout.RolloutStatus;
import io.hawkbit.repository.target.Target;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

/** Each kind of reference that keeps a deleted set as a mark instead of removing its row, and none. */
@RepositoryJpaTest
class DistributionSetReferencesTest {

    private static final String TENANT = "references";

    @Autowired
    TestEntityManager entities;

    @Autowired
    DistributionSetRepository sets;

    private DistributionSet set;
    private DistributionSet other;
    private Target target;

    @BeforeEach
    void setUp() {
        DistributionSetType os = entities.persist(new DistributionSetType(TENANT, "os", "OS", null));
        set = entities.persist(new DistributionSet(TENANT, os, "os", "2.0"));
        other = entities.persist(new DistributionSet(TENANT, os, "os", "1.0"));
        target = entities.persist(new Target(TENANT, "device", "device", "token"));
    }

    @Test
    void unreferencedSet_isNotReferenced() {
        entities.persist(new Action(target, other, ActionType.FORCED, 0L, null));
        target.setAssignedDistributionSet(other);
        target.setInstalledDistributionSet(other);
        entities.flush();

        assertThat(sets.isReferenced(set.getId())).isFalse();
        assertThat(sets.isReferenced(other.getId())).isTrue();
    }

    @Test
    void anAction_references() {
        entities.persist(new Action(target, set, ActionType.FORCED, 0L, null));
        entities.flush();

        assertThat(sets.isReferenced(set.getId())).isTrue();
    }

    @Test
    void aTargetsAssignedSet_references() {
        target.setAssignedDistributionSet(set);
        entities.flush();

        assertThat(sets.isReferenced(set.getId())).isTrue();
    }

    @Test
    void aTargetsInstalledSet_references() {
        target.setInstalledDistributionSet(set);
        entities.flush();

        assertThat(sets.isReferenced(set.getId())).isTrue();
    }

    @Test
    void aRolloutWithoutActions_references() {
        entities.persist(new Rollout(
                TENANT, "spring", null, "name==*", set, ActionType.FORCED, 0, null, null, RolloutStatus.READY));
        entities.flush();

        assertThat(sets.isReferenced(set.getId())).isTrue();
    }
}
