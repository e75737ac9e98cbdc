package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every Management API endpoint ({@code /rest/**}, as the running context maps it) has a happy-path test over HTTP.
 * A new endpoint fails this test until it gets one and is listed here with the class that covers it.
 */
@MgmtApiTest
class MgmtEndpointCoverageIT {

    /** "METHOD pattern" as Spring maps it, and the IT that calls it successfully and reads the change back. */
    static final Map<String, String> COVERED = Map.ofEntries(
            Map.entry("GET /rest/v1/targets/{targetId}/metadata", "TargetMetadataIT"),
            Map.entry("POST /rest/v1/targets/{targetId}/metadata", "TargetMetadataIT"),
            Map.entry("GET /rest/v1/targets/{targetId}/metadata/{metadataKey}", "TargetMetadataIT"),
            Map.entry("PUT /rest/v1/targets/{targetId}/metadata/{metadataKey}", "TargetMetadataIT"),
            Map.entry("DELETE /rest/v1/targets/{targetId}/metadata/{metadataKey}", "TargetMetadataIT"),
            Map.entry("GET /rest/v1/distributionsets/{distributionSetId}/metadata", "DistributionSetMetadataIT"),
            Map.entry("POST /rest/v1/distributionsets/{distributionSetId}/metadata", "DistributionSetMetadataIT"),
            Map.entry(
                    "GET /rest/v1/distributionsets/{distributionSetId}/metadata/{metadataKey}",
                    "DistributionSetMetadataIT"),
            Map.entry(
                    "PUT /rest/v1/distributionsets/{distributionSetId}/metadata/{metadataKey}",
                    "DistributionSetMetadataIT"),
            Map.entry(
                    "DELETE /rest/v1/distributionsets/{distributionSetId}/metadata/{metadataKey}",
                    "DistributionSetMetadataIT"),
            Map.entry("GET /rest/v1/softwaremodules/{softwareModuleId}/metadata", "SoftwareModuleMetadataIT"),
            Map.entry("POST /rest/v1/softwaremodules/{softwareModuleId}/metadata", "SoftwareModuleMetadataIT"),
            Map.entry(
                    "GET /rest/v1/softwaremodules/{softwareModuleId}/metadata/{metadataKey}",
                    "SoftwareModuleMetadataIT"),
            Map.entry(
                    "PUT /rest/v1/softwaremodules/{softwareModuleId}/metadata/{metadataKey}",
                    "SoftwareModuleMetadataIT"),
            Map.entry(
                    "DELETE /rest/v1/softwaremodules/{softwareModuleId}/metadata/{metadataKey}",
                    "SoftwareModuleMetadataIT"),
            Map.entry("GET /rest/v1/targets", "TargetApiIT"),
            Map.entry("POST /rest/v1/targets", "TargetApiIT"),
            Map.entry("GET /rest/v1/targets/{controllerId}", "TargetApiIT"),
            Map.entry("PUT /rest/v1/targets/{controllerId}", "TargetApiIT"),
            Map.entry("DELETE /rest/v1/targets/{controllerId}", "TargetApiIT"),
            Map.entry("GET /rest/v1/targets/{controllerId}/attributes", "TargetApiIT"),
            Map.entry("GET /rest/v1/targets/{controllerId}/assignedDS", "TargetApiIT"),
            Map.entry("POST /rest/v1/targets/{controllerId}/assignedDS", "TargetApiIT"),
            Map.entry("GET /rest/v1/targets/{controllerId}/installedDS", "TargetApiIT"),
            Map.entry("GET /rest/v1/targets/{controllerId}/actions", "TargetApiIT"),
            Map.entry("GET /rest/v1/targets/{controllerId}/actions/{actionId}", "TargetApiIT"),
            Map.entry("DELETE /rest/v1/targets/{controllerId}/actions/{actionId}", "TargetApiIT"),
            Map.entry("PUT /rest/v1/targets/{controllerId}/actions/{actionId}", "ActionControlIT"),
            Map.entry("PUT /rest/v1/targets/{controllerId}/actions/{actionId}/confirmation", "ConfirmationFlowIT"),
            Map.entry("GET /rest/v1/targets/{controllerId}/autoConfirm", "ConfirmationFlowIT"),
            Map.entry("POST /rest/v1/targets/{controllerId}/autoConfirm/activate", "ConfirmationFlowIT"),
            Map.entry("POST /rest/v1/targets/{controllerId}/autoConfirm/deactivate", "ConfirmationFlowIT"),
            Map.entry("DELETE /rest/v1/targets/{controllerId}/actions", "ActionControlIT"),
            Map.entry("GET /rest/v1/targets/{controllerId}/actions/{actionId}/status", "TargetApiIT"),
            Map.entry("GET /rest/v1/targets/{controllerId}/tags", "TargetApiIT"),
            Map.entry("POST /rest/v1/targets/{controllerId}/targettype", "TargetTypeApiIT"),
            Map.entry("DELETE /rest/v1/targets/{controllerId}/targettype", "TargetTypeApiIT"),
            Map.entry("GET /rest/v1/targettypes", "TargetTypeApiIT"),
            Map.entry("POST /rest/v1/targettypes", "TargetTypeApiIT"),
            Map.entry("GET /rest/v1/targettypes/{id}", "TargetTypeApiIT"),
            Map.entry("PUT /rest/v1/targettypes/{id}", "TargetTypeApiIT"),
            Map.entry("DELETE /rest/v1/targettypes/{id}", "TargetTypeApiIT"),
            Map.entry("GET /rest/v1/targettypes/{id}/compatibledistributionsettypes", "TargetTypeApiIT"),
            Map.entry("POST /rest/v1/targettypes/{id}/compatibledistributionsettypes", "TargetTypeApiIT"),
            Map.entry(
                    "DELETE /rest/v1/targettypes/{id}/compatibledistributionsettypes/{distributionSetTypeId}",
                    "TargetTypeApiIT"),
            Map.entry("GET /rest/v1/distributionsets", "DistributionSetApiIT"),
            Map.entry("POST /rest/v1/distributionsets", "DistributionSetApiIT"),
            Map.entry("GET /rest/v1/distributionsets/{id}", "DistributionSetApiIT"),
            Map.entry("PUT /rest/v1/distributionsets/{id}", "DistributionSetApiIT"),
            Map.entry("DELETE /rest/v1/distributionsets/{id}", "DistributionSetApiIT"),
            Map.entry("GET /rest/v1/distributionsets/{id}/assignedSM", "DistributionSetApiIT"),
            Map.entry("POST /rest/v1/distributionsets/{id}/assignedSM", "DistributionSetApiIT"),
            Map.entry("DELETE /rest/v1/distributionsets/{id}/assignedSM/{moduleId}", "DistributionSetApiIT"),
            Map.entry("POST /rest/v1/distributionsets/{id}/assignedTargets", "DistributionSetApiIT"),
            Map.entry("GET /rest/v1/distributionsets/{id}/assignedTargets", "DistributionSetUsageApiIT"),
            Map.entry("GET /rest/v1/distributionsets/{id}/installedTargets", "DistributionSetUsageApiIT"),
            Map.entry("GET /rest/v1/distributionsets/{id}/autoAssignTargetFilters", "DistributionSetUsageApiIT"),
            Map.entry("GET /rest/v1/distributionsets/{id}/statistics", "DistributionSetUsageApiIT"),
            Map.entry("GET /rest/v1/distributionsets/{id}/statistics/actions", "DistributionSetUsageApiIT"),
            Map.entry("GET /rest/v1/distributionsets/{id}/statistics/rollouts", "DistributionSetUsageApiIT"),
            Map.entry("GET /rest/v1/distributionsets/{id}/statistics/autoassignments", "DistributionSetUsageApiIT"),
            Map.entry("POST /rest/v1/distributionsets/{id}/invalidate", "DistributionSetUsageApiIT"),
            Map.entry("GET /rest/v1/distributionsettags", "DistributionSetTagApiIT"),
            Map.entry("POST /rest/v1/distributionsettags", "DistributionSetTagApiIT"),
            Map.entry("GET /rest/v1/distributionsettags/{id}", "DistributionSetTagApiIT"),
            Map.entry("PUT /rest/v1/distributionsettags/{id}", "DistributionSetTagApiIT"),
            Map.entry("DELETE /rest/v1/distributionsettags/{id}", "DistributionSetTagApiIT"),
            Map.entry("GET /rest/v1/distributionsettags/{id}/assigned", "DistributionSetTagApiIT"),
            Map.entry("POST /rest/v1/distributionsettags/{id}/assigned", "DistributionSetTagApiIT"),
            Map.entry("DELETE /rest/v1/distributionsettags/{id}/assigned", "DistributionSetTagApiIT"),
            Map.entry("POST /rest/v1/distributionsettags/{id}/assigned/{setId}", "DistributionSetTagApiIT"),
            Map.entry("DELETE /rest/v1/distributionsettags/{id}/assigned/{setId}", "DistributionSetTagApiIT"),
            Map.entry("GET /rest/v1/softwaremodules", "SoftwareModuleApiIT"),
            Map.entry("POST /rest/v1/softwaremodules", "SoftwareModuleApiIT"),
            Map.entry("GET /rest/v1/softwaremodules/{id}", "SoftwareModuleApiIT"),
            Map.entry("PUT /rest/v1/softwaremodules/{id}", "SoftwareModuleApiIT"),
            Map.entry("DELETE /rest/v1/softwaremodules/{id}", "SoftwareModuleApiIT"),
            Map.entry("POST /rest/v1/softwaremodules/{id}/artifacts", "SoftwareModuleApiIT"),
            Map.entry("GET /rest/v1/softwaremodules/{id}/artifacts", "SoftwareModuleApiIT"),
            Map.entry("GET /rest/v1/softwaremodules/{id}/artifacts/{artifactId}", "SoftwareModuleApiIT"),
            Map.entry("DELETE /rest/v1/softwaremodules/{id}/artifacts/{artifactId}", "SoftwareModuleApiIT"),
            Map.entry("GET /rest/v1/softwaremodules/{id}/artifacts/{artifactId}/download", "SoftwareModuleApiIT"),
            Map.entry("GET /rest/v1/softwaremoduletypes", "TypeApiIT"),
            Map.entry("POST /rest/v1/softwaremoduletypes", "TypeApiIT"),
            Map.entry("GET /rest/v1/softwaremoduletypes/{id}", "TypeApiIT"),
            Map.entry("PUT /rest/v1/softwaremoduletypes/{id}", "TypeApiIT"),
            Map.entry("DELETE /rest/v1/softwaremoduletypes/{id}", "TypeApiIT"),
            Map.entry("GET /rest/v1/distributionsettypes", "TypeApiIT"),
            Map.entry("POST /rest/v1/distributionsettypes", "TypeApiIT"),
            Map.entry("GET /rest/v1/distributionsettypes/{id}", "TypeApiIT"),
            Map.entry("PUT /rest/v1/distributionsettypes/{id}", "TypeApiIT"),
            Map.entry("DELETE /rest/v1/distributionsettypes/{id}", "TypeApiIT"),
            Map.entry("GET /rest/v1/distributionsettypes/{id}/mandatorymoduletypes", "TypeApiIT"),
            Map.entry("POST /rest/v1/distributionsettypes/{id}/mandatorymoduletypes", "TypeApiIT"),
            Map.entry("GET /rest/v1/distributionsettypes/{id}/mandatorymoduletypes/{smTypeId}", "TypeApiIT"),
            Map.entry("DELETE /rest/v1/distributionsettypes/{id}/mandatorymoduletypes/{smTypeId}", "TypeApiIT"),
            Map.entry("GET /rest/v1/distributionsettypes/{id}/optionalmoduletypes", "TypeApiIT"),
            Map.entry("POST /rest/v1/distributionsettypes/{id}/optionalmoduletypes", "TypeApiIT"),
            Map.entry("GET /rest/v1/distributionsettypes/{id}/optionalmoduletypes/{smTypeId}", "TypeApiIT"),
            Map.entry("DELETE /rest/v1/distributionsettypes/{id}/optionalmoduletypes/{smTypeId}", "TypeApiIT"),
            Map.entry("GET /rest/v1/targettags", "TargetTagApiIT"),
            Map.entry("POST /rest/v1/targettags", "TargetTagApiIT"),
            Map.entry("GET /rest/v1/targettags/{id}", "TargetTagApiIT"),
            Map.entry("PUT /rest/v1/targettags/{id}", "TargetTagApiIT"),
            Map.entry("DELETE /rest/v1/targettags/{id}", "TargetTagApiIT"),
            Map.entry("GET /rest/v1/targettags/{id}/assigned", "TargetTagApiIT"),
            Map.entry("POST /rest/v1/targettags/{id}/assigned", "TargetTagApiIT"),
            Map.entry("DELETE /rest/v1/targettags/{id}/assigned/{controllerId}", "TargetTagApiIT"),
            Map.entry("GET /rest/v1/targetgroups", "TargetGroupApiIT"),
            Map.entry("PUT /rest/v1/targetgroups", "TargetGroupApiIT"),
            Map.entry("DELETE /rest/v1/targetgroups", "TargetGroupApiIT"),
            Map.entry("PUT /rest/v1/targetgroups/{group}", "TargetGroupApiIT"),
            Map.entry("GET /rest/v1/targetgroups/{group}/assigned", "TargetGroupApiIT"),
            Map.entry("PUT /rest/v1/targetgroups/{group}/assigned", "TargetGroupApiIT"),
            Map.entry("GET /rest/v1/targetgroups/assigned", "TargetGroupApiIT"),
            Map.entry("PUT /rest/v1/targetgroups/assigned", "TargetGroupApiIT"),
            Map.entry("DELETE /rest/v1/targetgroups/assigned", "TargetGroupApiIT"),
            Map.entry("POST /rest/v1/targettags/{id}/assigned/{controllerId}", "TargetTagApiIT"),
            Map.entry("DELETE /rest/v1/targettags/{id}/assigned", "TargetTagApiIT"),
            Map.entry("GET /rest/v1/actions", "ActionApiIT"),
            Map.entry("GET /rest/v1/actions/{id}", "ActionApiIT"),
            Map.entry("DELETE /rest/v1/actions/{id}", "ActionControlIT"),
            Map.entry("DELETE /rest/v1/actions", "ActionControlIT"),
            Map.entry("GET /rest/v1/userinfo", "UserInfoApiIT"),
            Map.entry("GET /rest/v1/system/configs", "SystemConfigApiIT"),
            Map.entry("GET /rest/v1/system/configs/{key:.+}", "SystemConfigApiIT"),
            Map.entry("PUT /rest/v1/system/configs/{key:.+}", "SystemConfigApiIT"),
            Map.entry("PUT /rest/v1/system/configs", "SystemConfigApiIT"),
            Map.entry("DELETE /rest/v1/system/configs/{key:.+}", "SystemConfigApiIT"),
            Map.entry("GET /rest/v1/rollouts", "RolloutApiIT"),
            Map.entry("POST /rest/v1/rollouts", "RolloutApiIT"),
            Map.entry("GET /rest/v1/rollouts/{id}", "RolloutApiIT"),
            Map.entry("PUT /rest/v1/rollouts/{id}", "RolloutApiIT"),
            Map.entry("DELETE /rest/v1/rollouts/{id}", "RolloutApiIT"),
            Map.entry("POST /rest/v1/rollouts/{id}/start", "RolloutApiIT"),
            Map.entry("POST /rest/v1/rollouts/{id}/pause", "RolloutApiIT"),
            Map.entry("POST /rest/v1/rollouts/{id}/resume", "RolloutApiIT"),
            Map.entry("POST /rest/v1/rollouts/{id}/stop", "RolloutApiIT"),
            Map.entry("POST /rest/v1/rollouts/{id}/triggerNextGroup", "RolloutApiIT"),
            Map.entry("POST /rest/v1/rollouts/{id}/retry", "RolloutApiIT"),
            Map.entry("POST /rest/v1/rollouts/{id}/approve", "RolloutApiIT"),
            Map.entry("POST /rest/v1/rollouts/{id}/deny", "RolloutApiIT"),
            Map.entry("GET /rest/v1/rollouts/{id}/deploygroups", "RolloutApiIT"),
            Map.entry("GET /rest/v1/rollouts/{id}/deploygroups/{groupId}", "RolloutApiIT"),
            Map.entry("GET /rest/v1/rollouts/{id}/deploygroups/{groupId}/targets", "RolloutApiIT"),
            Map.entry("GET /rest/v1/targetfilters", "TargetFilterApiIT"),
            Map.entry("POST /rest/v1/targetfilters", "TargetFilterApiIT"),
            Map.entry("GET /rest/v1/targetfilters/{id}", "TargetFilterApiIT"),
            Map.entry("PUT /rest/v1/targetfilters/{id}", "TargetFilterApiIT"),
            Map.entry("DELETE /rest/v1/targetfilters/{id}", "TargetFilterApiIT"),
            Map.entry("GET /rest/v1/targetfilters/{id}/autoAssignDS", "TargetFilterApiIT"),
            Map.entry("POST /rest/v1/targetfilters/{id}/autoAssignDS", "TargetFilterApiIT"),
            Map.entry("DELETE /rest/v1/targetfilters/{id}/autoAssignDS", "TargetFilterApiIT"),

            // The operators' event stream lives in the cluster package; its test needs two nodes.
            Map.entry("GET /rest/v1/events", "ClusterEventsIT"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyManagementEndpoint_hasAHappyPathTest() {
        Set<String> mapped = managementEndpoints();
        assertThat(mapped).as("the guard sees the Management API").hasSizeGreaterThan(50);
        Set<String> untested = new TreeSet<>(mapped);
        untested.removeAll(COVERED.keySet());
        assertThat(untested)
                .as("endpoints without a happy-path test: add one and list it in COVERED")
                .isEmpty();
        Set<String> gone = new TreeSet<>(COVERED.keySet());
        gone.removeAll(mapped);
        assertThat(gone).as("COVERED lists endpoints that no longer exist").isEmpty();
    }

    @Test
    void everyCoveringTestClass_exists() {
        Map<String, String> missing = new TreeMap<>();
        COVERED.forEach((endpoint, test) -> {
            try {
                Class.forName(MgmtEndpointCoverageIT.class.getPackageName() + "." + test);
            } catch (ClassNotFoundException e) {
                missing.put(endpoint, test);
            }
        });
        assertThat(missing).isEmpty();
    }

    /** Every method + pattern under /rest/, one entry per method (a mapping without methods counts as each). */
    private Set<String> managementEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/rest/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
                    endpoints.add(method + " " + pattern);
                }
            }
        }
        return endpoints;
    }
}
