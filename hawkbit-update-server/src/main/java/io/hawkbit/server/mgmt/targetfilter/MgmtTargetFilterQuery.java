package io.hawkbit.server.mgmt.targetfilter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.targetfilter.TargetFilterQuery;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;

/** hawkBit's target filter query as the Management API shows it; the auto-assign fields are absent when unset. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MgmtTargetFilterQuery(
        Long id,
        String name,
        String query,
        Long autoAssignDistributionSet,
        String autoAssignActionType,
        Integer autoAssignWeight,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String PATH = "/rest/v1/targetfilters/";

    static MgmtTargetFilterQuery of(TargetFilterQuery filter) {
        var set = filter.getAutoAssignDistributionSet();
        return new MgmtTargetFilterQuery(
                filter.getId(),
                filter.getName(),
                filter.getQuery(),
                set == null ? null : set.getId(),
                filter.getAutoAssignActionType() == null
                        ? null
                        : filter.getAutoAssignActionType().json(),
                filter.getAutoAssignWeight(),
                MgmtAudit.of(filter),
                Links.self(PATH + filter.getId()).with("autoAssignDS", PATH + filter.getId() + "/autoAssignDS"));
    }
}
