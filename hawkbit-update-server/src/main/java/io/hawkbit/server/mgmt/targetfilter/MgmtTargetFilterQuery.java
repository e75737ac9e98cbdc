package io.hawkbit.server.mgmt.targetfilter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hawkbit.repository.targetfilter.TargetFilterQuery;
import io.hawkbit.server.mgmt.Links;
import io.hawkbit.server.mgmt.MgmtAudit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * hawkBit's target filter query as the Management API shows it. As in hawkBit 1.1 every field is sent, {@code null}
 * included: a filter without an auto-assign set has {@code autoAssignDistributionSet}, {@code autoAssignActionType} and
 * {@code autoAssignWeight} {@code null}. {@code confirmationRequired} is filled, as hawkBit fills it, only while
 * the tenant's confirmation flow is on (and a set is auto-assigned).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record MgmtTargetFilterQuery(
        Long id,
        String name,
        String query,
        Long autoAssignDistributionSet,
        String autoAssignActionType,
        Integer autoAssignWeight,
        Boolean confirmationRequired,
        @JsonUnwrapped MgmtAudit audit,
        @JsonProperty("_links") Links links) {

    static final String PATH = "/rest/v1/targetfilters/";

    /** Which links to add besides {@code self}, as hawkBit's answers differ by endpoint. */
    enum View {
        /** A list item in hawkBit's default compact representation: {@code self} only. */
        COMPACT,
        /** A list item with {@code representation=full}: {@code self} and {@code DS} when a set is auto-assigned. */
        FULL,
        /** The answer to create, update and auto-assign: {@code self} and {@code autoAssignDS}. */
        CHANGED,
        /** The answer to GET of one filter: {@code self}, {@code DS} (when a set is auto-assigned), {@code autoAssignDS}. */
        SINGLE
    }

    static MgmtTargetFilterQuery of(TargetFilterQuery filter, View view) {
        return of(filter, view, false);
    }

    static MgmtTargetFilterQuery of(TargetFilterQuery filter, View view, boolean confirmationFlowOn) {
        var set = filter.getAutoAssignDistributionSet();
        Links links = Links.self(PATH + filter.getId());
        if (set != null && (view == View.FULL || view == View.SINGLE)) {
            String q = URLEncoder.encode(
                    "name==" + set.getName() + ";version==" + set.getVersion(), StandardCharsets.UTF_8);
            links.withHref("DS", Links.absolute("/rest/v1/distributionsets") + "?q=" + q + "&offset=0&limit=50");
        }
        if (view == View.CHANGED || view == View.SINGLE) {
            links.with("autoAssignDS", PATH + filter.getId() + "/autoAssignDS");
        }
        return new MgmtTargetFilterQuery(
                filter.getId(),
                filter.getName(),
                filter.getQuery(),
                set == null ? null : set.getId(),
                set == null || filter.getAutoAssignActionType() == null
                        ? null
                        : filter.getAutoAssignActionType().json(),
                set == null ? null : filter.getAutoAssignWeight(),
                confirmationFlowOn && set != null ? filter.getAutoAssignConfirmationRequired() : null,
                MgmtAudit.of(filter),
                links);
    }
}
