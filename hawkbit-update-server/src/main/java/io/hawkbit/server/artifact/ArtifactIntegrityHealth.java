package io.hawkbit.server.artifact;

import io.hawkbit.repository.softwaremodule.ArtifactIntegrity;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code artifactIntegrity} in {@code /actuator/health}: the damaged or missing artifacts this node has met. Its
 * status is {@code DEGRADED}, which does not turn the node's overall status DOWN: one broken file must not take a
 * node out of the load balancer, as every node would see the same file.
 */
@Component("artifactIntegrityHealthIndicator")
class ArtifactIntegrityHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Artifacts are missing or damaged in the artifact store");

    private final ArtifactIntegrity integrity;

    ArtifactIntegrityHealth(ArtifactIntegrity integrity) {
        this.integrity = integrity;
    }

    @Override
    public Health health() {
        List<ArtifactIntegrity.Problem> problems = integrity.problems();
        if (problems.isEmpty()) {
            return Health.up().build();
        }
        return Health.status(DEGRADED)
                .withDetail(
                        "artifacts",
                        problems.stream()
                                .map(p -> Map.of(
                                        "tenant", p.tenant(),
                                        "sha1", p.sha1(),
                                        "problem", p.reason(),
                                        "seen", p.seen().toString()))
                                .toList())
                .build();
    }
}
