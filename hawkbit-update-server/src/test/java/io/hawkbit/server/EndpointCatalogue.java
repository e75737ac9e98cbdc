package io.hawkbit.server;

import io.hawkbit.server.RequestFuzzer.Endpoint;
import io.hawkbit.server.RequestFuzzer.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every endpoint of the server as a template for {@link RequestFuzzer}, each write with a valid body. Placeholders:
 * {t} target, {a} action, {m} module, {art} artifact, {file} its name, {s} set, {r} rollout, {g} group, {tag}, {dstag}
 * set tag, {f} filter, {dt} set type, {smt} module type, {tt} target type, {key} configuration key.
 */
final class EndpointCatalogue {

    private EndpointCatalogue() {}

    static List<Endpoint> all() {
        List<Endpoint> all = new ArrayList<>();
        String[] mgmtReads = {
            "/rest/v1/targets",
            "/rest/v1/targets/{t}",
            "/rest/v1/targets/{t}/attributes",
            "/rest/v1/targets/{t}/assignedDS",
            "/rest/v1/targets/{t}/installedDS",
            "/rest/v1/targets/{t}/actions",
            "/rest/v1/targets/{t}/actions/{a}",
            "/rest/v1/targets/{t}/actions/{a}/status",
            "/rest/v1/targets/{t}/tags",
            "/rest/v1/targets/{t}/autoConfirm",
            "/rest/v1/softwaremodules",
            "/rest/v1/softwaremodules/{m}",
            "/rest/v1/softwaremodules/{m}/artifacts",
            "/rest/v1/softwaremodules/{m}/artifacts/{art}",
            "/rest/v1/softwaremodules/{m}/artifacts/{art}/download",
            "/rest/v1/distributionsets",
            "/rest/v1/distributionsets/{s}",
            "/rest/v1/distributionsets/{s}/assignedSM",
            "/rest/v1/distributionsets/{s}/assignedTargets",
            "/rest/v1/distributionsets/{s}/installedTargets",
            "/rest/v1/distributionsets/{s}/autoAssignTargetFilters",
            "/rest/v1/distributionsets/{s}/statistics",
            "/rest/v1/distributionsets/{s}/statistics/actions",
            "/rest/v1/distributionsets/{s}/statistics/rollouts",
            "/rest/v1/distributionsets/{s}/statistics/autoassignments",
            "/rest/v1/distributionsettags",
            "/rest/v1/distributionsettags/{dstag}",
            "/rest/v1/distributionsettags/{dstag}/assigned",
            "/rest/v1/rollouts",
            "/rest/v1/rollouts/{r}",
            "/rest/v1/rollouts/{r}/deploygroups",
            "/rest/v1/rollouts/{r}/deploygroups/{g}",
            "/rest/v1/rollouts/{r}/deploygroups/{g}/targets",
            "/rest/v1/targettags",
            "/rest/v1/targettags/{tag}",
            "/rest/v1/targettags/{tag}/assigned",
            "/rest/v1/targetgroups",
            "/rest/v1/targetgroups/fzgroup/assigned",
            "/rest/v1/targetgroups/assigned?group=fzgroup&subgroups=true",
            "/rest/v1/actions",
            "/rest/v1/actions/{a}",
            "/rest/v1/userinfo",
            "/rest/v1/targetfilters",
            "/rest/v1/targetfilters/{f}",
            "/rest/v1/targetfilters/{f}/autoAssignDS",
            "/rest/v1/system/configs",
            "/rest/v1/system/configs/{key}",
            "/rest/v1/distributionsettypes",
            "/rest/v1/distributionsettypes/{dt}",
            "/rest/v1/distributionsettypes/{dt}/mandatorymoduletypes",
            "/rest/v1/distributionsettypes/{dt}/mandatorymoduletypes/{smt}",
            "/rest/v1/distributionsettypes/{dt}/optionalmoduletypes",
            "/rest/v1/distributionsettypes/{dt}/optionalmoduletypes/{smt}",
            "/rest/v1/softwaremoduletypes",
            "/rest/v1/softwaremoduletypes/{smt}",
            "/rest/v1/targettypes",
            "/rest/v1/targettypes/{tt}",
            "/rest/v1/targettypes/{tt}/compatibledistributionsettypes",
            "/rest/v1/targets/{t}/metadata",
            "/rest/v1/targets/{t}/metadata/fz",
            "/rest/v1/distributionsets/{s}/metadata",
            "/rest/v1/distributionsets/{s}/metadata/fz",
            "/rest/v1/softwaremodules/{m}/metadata",
            "/rest/v1/softwaremodules/{m}/metadata/fz",
            "/rest/v1/events",
            "/actuator",
            "/actuator/metrics",
            "/actuator/metrics/jvm.memory.used",
            "/actuator/cluster",
            "/actuator/nodecaches",
            "/actuator/caches"
        };
        for (String path : mgmtReads) {
            all.add(new Endpoint("GET", path, Kind.MGMT, null, Set.of()));
        }
        for (String path : new String[] {
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuator/info",
            "/v3/api-docs",
            "/swagger-ui.html",
            "/error",
            "/",
            "/nothing/here"
        }) {
            all.add(new Endpoint("GET", path, Kind.PUBLIC, null, Set.of()));
        }
        String ddi = "/DEFAULT/controller/v1/{t}";
        for (String path : new String[] {
            ddi,
            ddi + "/deploymentBase/{a}",
            ddi + "/installedBase/{a}",
            ddi + "/cancelAction/{a}",
            ddi + "/confirmationBase",
            ddi + "/confirmationBase/{a}",
            ddi + "/softwaremodules/{m}/artifacts",
            ddi + "/softwaremodules/{m}/artifacts/{file}"
        }) {
            all.add(new Endpoint("GET", path, Kind.DDI, null, Set.of()));
        }
        mgmtWrites(all);
        String feedback = "{\"id\":\"1\",\"time\":\"20240101T120000\",\"status\":{\"execution\":\"proceeding\","
                + "\"result\":{\"finished\":\"none\",\"progress\":{\"cnt\":1,\"of\":2}},\"details\":[\"fuzz\"],\"code\":7}}";
        // Devices may send any id, and numbers with fractions (DdiJson): neither is malformed.
        Set<String> loose = Set.of("id", "code", "cnt", "of", "timestamp");
        all.add(new Endpoint("POST", ddi + "/deploymentBase/{a}/feedback", Kind.DDI, feedback, loose));
        all.add(new Endpoint("POST", ddi + "/cancelAction/{a}/feedback", Kind.DDI, feedback, loose));
        all.add(new Endpoint(
                "POST",
                ddi + "/confirmationBase/{a}/feedback",
                Kind.DDI,
                "{\"confirmation\":\"denied\",\"code\":7,\"details\":[\"fuzz\"]}",
                Set.of("code")));
        // Its body is optional (as the Management twin's), so no body is a valid request: sent without one.
        all.add(new Endpoint("POST", ddi + "/confirmationBase/activateAutoConfirm", Kind.DDI, null, Set.of()));
        all.add(new Endpoint("POST", ddi + "/confirmationBase/deactivateAutoConfirm", Kind.DDI, null, Set.of()));
        all.add(new Endpoint(
                "PUT",
                ddi + "/configData",
                Kind.DDI,
                "{\"mode\":\"merge\",\"data\":{\"fuzz\":\"v\"}}",
                Set.of("data")));
        // Jackson reads a number as a name or version: a set of that name is then not found (404), not malformed.
        all.add(new Endpoint(
                "PUT",
                ddi + "/installedBase",
                Kind.DDI,
                "{\"name\":\"fz-set\",\"version\":\"1\"}",
                Set.of("name", "version")));
        all.add(new Endpoint("DELETE", "/actuator/caches", Kind.MGMT, null, Set.of()));
        all.add(new Endpoint("POST", "/actuator/health", Kind.PUBLIC, "{}", Set.of()));
        return all;
    }

    private static void mgmtWrites(List<Endpoint> all) {
        Object[][] writes = {
            {"POST", "/rest/v1/targets", "[{\"controllerId\":\"fz-new\",\"name\":\"n\",\"description\":\"d\"}]"},
            {"PUT", "/rest/v1/targets/{t}", "{\"name\":\"renamed\",\"description\":\"x\"}"},
            {"DELETE", "/rest/v1/targets/{t}", null},
            {
                "POST",
                "/rest/v1/targets/{t}/assignedDS",
                "{\"id\":{s},\"type\":\"forced\",\"maintenanceWindow\":{\"schedule\":\"0 0 3 ? * *\","
                        + "\"duration\":\"01:00:00\",\"timezone\":\"+00:00\"}}"
            },
            {"DELETE", "/rest/v1/targets/{t}/actions/{a}", null},
            {"PUT", "/rest/v1/targets/{t}/actions/{a}", "{\"forceType\":\"forced\"}"},
            {"PUT", "/rest/v1/targets/{t}/actions/{a}/confirmation", "{\"confirmation\":\"denied\",\"code\":1}"},
            {"POST", "/rest/v1/targets/{t}/autoConfirm/activate", null},
            {"POST", "/rest/v1/targets/{t}/autoConfirm/deactivate", null},
            {"DELETE", "/rest/v1/targets/{t}/actions", "[{a}]"},
            {"DELETE", "/rest/v1/actions/{a}", null},
            {"DELETE", "/rest/v1/actions", "[{a}]"},
            {"POST", "/rest/v1/softwaremodules", "[{\"name\":\"n\",\"version\":\"1\",\"type\":\"os\",\"vendor\":\"v\"}]"
            },
            {"PUT", "/rest/v1/softwaremodules/{m}", "{\"description\":\"x\",\"vendor\":\"y\"}"},
            {"DELETE", "/rest/v1/softwaremodules/{m}", null},
            {"POST", "/rest/v1/softwaremodules/{m}/artifacts", ""},
            {"DELETE", "/rest/v1/softwaremodules/{m}/artifacts/{art}", null},
            {
                "POST",
                "/rest/v1/distributionsets",
                "[{\"name\":\"n\",\"version\":\"1\",\"type\":\"os\",\"modules\":[{\"id\":{m}}]}]"
            },
            {"PUT", "/rest/v1/distributionsets/{s}", "{\"description\":\"x\"}"},
            {"DELETE", "/rest/v1/distributionsets/{s}", null},
            {"POST", "/rest/v1/distributionsets/{s}/assignedSM", "[{\"id\":{m}}]"},
            {"DELETE", "/rest/v1/distributionsets/{s}/assignedSM/{m}", null},
            {
                "POST",
                "/rest/v1/distributionsets/{s}/assignedTargets",
                "[{\"id\":\"fz-victim\",\"type\":\"forced\",\"maintenanceWindow\":{\"schedule\":\"0 0 3 ? * *\","
                        + "\"duration\":\"01:00:00\",\"timezone\":\"+00:00\"}}]"
            },
            {"POST", "/rest/v1/distributionsets/{s}/invalidate", "{\"actionCancelationType\":\"soft\"}"},
            {"POST", "/rest/v1/distributionsettags", "[{\"name\":\"n\",\"colour\":\"red\"}]"},
            {"PUT", "/rest/v1/distributionsettags/{dstag}", "{\"name\":\"n2\"}"},
            {"DELETE", "/rest/v1/distributionsettags/{dstag}", null},
            {"POST", "/rest/v1/distributionsettags/{dstag}/assigned", "[{s}]"},
            {"DELETE", "/rest/v1/distributionsettags/{dstag}/assigned", "[{s}]"},
            {"POST", "/rest/v1/distributionsettags/{dstag}/assigned/{s}", null},
            {"DELETE", "/rest/v1/distributionsettags/{dstag}/assigned/{s}", null},
            {
                "POST",
                "/rest/v1/rollouts",
                "{\"name\":\"n\",\"targetFilterQuery\":\"controllerId==fz*\",\"distributionSetId\":{s},"
                        + "\"amountGroups\":1}"
            },
            {"PUT", "/rest/v1/rollouts/{r}", "{\"name\":\"n2\",\"description\":\"x\"}"},
            {"DELETE", "/rest/v1/rollouts/{r}", null},
            {"POST", "/rest/v1/rollouts/{r}/start", null},
            {"POST", "/rest/v1/rollouts/{r}/pause", null},
            {"POST", "/rest/v1/rollouts/{r}/resume", null},
            {"POST", "/rest/v1/rollouts/{r}/stop", null},
            {"POST", "/rest/v1/rollouts/{r}/triggerNextGroup", null},
            {"POST", "/rest/v1/rollouts/{r}/retry", null},
            {"POST", "/rest/v1/rollouts/{r}/approve", null},
            {"POST", "/rest/v1/rollouts/{r}/deny", null},
            {"POST", "/rest/v1/targettags", "[{\"name\":\"n\",\"colour\":\"red\"}]"},
            {"PUT", "/rest/v1/targettags/{tag}", "{\"name\":\"n2\"}"},
            {"DELETE", "/rest/v1/targettags/{tag}", null},
            {"POST", "/rest/v1/targettags/{tag}/assigned", "[{\"controllerId\":\"fz-victim\"}]"},
            {"DELETE", "/rest/v1/targettags/{tag}/assigned/{t}", null},
            {"PUT", "/rest/v1/targetgroups/fzgroup/assigned", "[\"fz-victim\"]"},
            {"PUT", "/rest/v1/targetgroups/assigned?group=fzgroup/sub", "[\"fz-victim\"]"},
            {"PUT", "/rest/v1/targetgroups/fzgroup?q=controllerId==fz*", null},
            {"PUT", "/rest/v1/targetgroups?group=fzgroup/sub&q=controllerId==fz*", null},
            {"DELETE", "/rest/v1/targetgroups/assigned", "[\"fz-victim\"]"},
            {"DELETE", "/rest/v1/targetgroups?q=group==fzgroup", null},
            {"POST", "/rest/v1/targettags/{tag}/assigned/{t}", null},
            {"DELETE", "/rest/v1/targettags/{tag}/assigned", "[\"{t}\"]"},
            {"POST", "/rest/v1/targetfilters", "{\"name\":\"n\",\"query\":\"name==x\"}"},
            {"PUT", "/rest/v1/targetfilters/{f}", "{\"name\":\"n2\",\"query\":\"name==y\"}"},
            {"DELETE", "/rest/v1/targetfilters/{f}", null},
            {"POST", "/rest/v1/targetfilters/{f}/autoAssignDS", "{\"id\":{s},\"type\":\"forced\"}"},
            {"DELETE", "/rest/v1/targetfilters/{f}/autoAssignDS", null},
            {"PUT", "/rest/v1/system/configs/{key}", "{\"value\":\"00:07:00\"}"},
            {"PUT", "/rest/v1/system/configs", "{\"{key}\":\"00:07:00\"}"},
            {"DELETE", "/rest/v1/system/configs/{key}", null},
            {
                "POST",
                "/rest/v1/distributionsettypes",
                "[{\"name\":\"n\",\"key\":\"k\",\"mandatorymodules\":[{\"id\":{smt}}]}]"
            },
            {"PUT", "/rest/v1/distributionsettypes/{dt}", "{\"description\":\"x\"}"},
            {"DELETE", "/rest/v1/distributionsettypes/{dt}", null},
            {"POST", "/rest/v1/distributionsettypes/{dt}/mandatorymoduletypes", "{\"id\":{smt}}"},
            {"DELETE", "/rest/v1/distributionsettypes/{dt}/mandatorymoduletypes/{smt}", null},
            {"POST", "/rest/v1/distributionsettypes/{dt}/optionalmoduletypes", "{\"id\":{smt}}"},
            {"DELETE", "/rest/v1/distributionsettypes/{dt}/optionalmoduletypes/{smt}", null},
            {"POST", "/rest/v1/softwaremoduletypes", "[{\"name\":\"n\",\"key\":\"k\",\"maxAssignments\":1}]"},
            {"PUT", "/rest/v1/softwaremoduletypes/{smt}", "{\"description\":\"x\"}"},
            {"DELETE", "/rest/v1/softwaremoduletypes/{smt}", null},
            {
                "POST",
                "/rest/v1/targettypes",
                "[{\"name\":\"n\",\"key\":\"k\",\"compatibledistributionsettypes\":[{\"id\":{dt}}]}]"
            },
            {"PUT", "/rest/v1/targettypes/{tt}", "{\"name\":\"n2\",\"description\":\"x\"}"},
            {"DELETE", "/rest/v1/targettypes/{tt}", null},
            {"POST", "/rest/v1/targettypes/{tt}/compatibledistributionsettypes", "[{\"id\":{dt}}]"},
            {"DELETE", "/rest/v1/targettypes/{tt}/compatibledistributionsettypes/{dt}", null},
            {"POST", "/rest/v1/targets/{t}/targettype", "{\"id\":{tt}}"},
            {"DELETE", "/rest/v1/targets/{t}/targettype", null},
            {"POST", "/rest/v1/targets/{t}/metadata", "[{\"key\":\"fz\",\"value\":\"v\"}]"},
            {"PUT", "/rest/v1/targets/{t}/metadata/fz", "{\"value\":\"w\"}"},
            {"DELETE", "/rest/v1/targets/{t}/metadata/fz", null},
            {"POST", "/rest/v1/distributionsets/{s}/metadata", "[{\"key\":\"fz\",\"value\":\"v\"}]"},
            {"PUT", "/rest/v1/distributionsets/{s}/metadata/fz", "{\"value\":\"w\"}"},
            {"DELETE", "/rest/v1/distributionsets/{s}/metadata/fz", null},
            {
                "POST",
                "/rest/v1/softwaremodules/{m}/metadata",
                "[{\"key\":\"fz\",\"value\":\"v\",\"targetVisible\":true}]"
            },
            {"PUT", "/rest/v1/softwaremodules/{m}/metadata/fz", "{\"value\":\"w\",\"targetVisible\":false}"},
            {"DELETE", "/rest/v1/softwaremodules/{m}/metadata/fz", null}
        };
        for (Object[] write : writes) {
            all.add(new Endpoint((String) write[0], (String) write[1], Kind.MGMT, (String) write[2], Set.of()));
        }
    }
}
