package io.hawkbit.repository.query;

import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetTag;
import io.hawkbit.repository.target.TargetUpdateStatus;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A target with only the fields a query test cares about; the rest as a new device has them. */
final class TargetBuilder {

    private final String controllerId;
    private String name;
    private String description;
    private String address;
    private Long lastPoll;
    private Long installDate;
    private TargetUpdateStatus status = TargetUpdateStatus.UNKNOWN;
    private DistributionSet assigned;
    private DistributionSet installed;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Set<TargetTag> tags = new LinkedHashSet<>();

    private TargetBuilder(String controllerId) {
        this.controllerId = controllerId;
        this.name = controllerId;
    }

    static TargetBuilder target(String controllerId) {
        return new TargetBuilder(controllerId);
    }

    TargetBuilder name(String name) {
        this.name = name;
        return this;
    }

    TargetBuilder description(String description) {
        this.description = description;
        return this;
    }

    TargetBuilder address(String address) {
        this.address = address;
        return this;
    }

    TargetBuilder lastPoll(long epochMillis) {
        this.lastPoll = epochMillis;
        return this;
    }

    TargetBuilder installDate(long epochMillis) {
        this.installDate = epochMillis;
        return this;
    }

    TargetBuilder status(TargetUpdateStatus status) {
        this.status = status;
        return this;
    }

    TargetBuilder assigned(DistributionSet set) {
        this.assigned = set;
        return this;
    }

    TargetBuilder installed(DistributionSet set) {
        this.installed = set;
        return this;
    }

    TargetBuilder attribute(String key, String value) {
        attributes.put(key, value);
        return this;
    }

    TargetBuilder tags(TargetTag... tags) {
        this.tags.addAll(Set.of(tags));
        return this;
    }

    Target build(String tenant) {
        Target target = new Target(tenant, controllerId, name, "token-" + controllerId);
        target.setDescription(description);
        target.setAddress(address);
        target.setLastTargetQuery(lastPoll);
        target.setInstallDate(installDate);
        target.setUpdateStatus(status);
        target.setAssignedDistributionSet(assigned);
        target.setInstalledDistributionSet(installed);
        target.putControllerAttributes(attributes);
        target.getTags().addAll(tags);
        return target;
    }
}
