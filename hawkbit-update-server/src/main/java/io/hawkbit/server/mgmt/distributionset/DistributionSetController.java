package io.hawkbit.server.mgmt.distributionset;

import io.hawkbit.repository.action.DeploymentService;
import io.hawkbit.repository.action.OfflineAssignment;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.invalidation.DistributionSetInvalidation;
import io.hawkbit.repository.softwaremodule.SoftwareModuleService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import io.hawkbit.server.mgmt.NotImplementedYet;
import io.hawkbit.server.mgmt.Paging;
import io.hawkbit.server.mgmt.action.MgmtAction;
import io.hawkbit.server.mgmt.action.MgmtMaintenanceWindowRequestBody;
import io.hawkbit.server.mgmt.action.MgmtTargetAssignmentResponseBody;
import io.hawkbit.server.mgmt.softwaremodule.MgmtSoftwareModule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** hawkBit's {@code /rest/v1/distributionsets}: sets, their modules, and assigning them to targets. */
@RestController
@RequestMapping("/rest/v1/distributionsets")
class DistributionSetController {

    private final DistributionSetService sets;
    private final DeploymentService deployments;
    private final OfflineAssignment offlineAssignment;
    private final DistributionSetInvalidation invalidation;
    private final CurrentUser user;

    public DistributionSetController(
            DistributionSetService sets,
            DeploymentService deployments,
            OfflineAssignment offlineAssignment,
            DistributionSetInvalidation invalidation,
            CurrentUser user) {
        this.sets = sets;
        this.deployments = deployments;
        this.offlineAssignment = offlineAssignment;
        this.invalidation = invalidation;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtDistributionSet> list(
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, DistributionSetService.FIELDS, Sort.by("id"));
        return PagedList.of(sets.find(user.tenant(), q, pageable), MgmtDistributionSet::of);
    }

    @PostMapping
    public ResponseEntity<List<MgmtDistributionSet>> create(
            @RequestBody List<@Valid @NotNull MgmtDistributionSetRequestBodyPost> body) {
        // All or none, as in hawkBit.
        var creates =
                body.stream().map(MgmtDistributionSetRequestBodyPost::toCreate).toList();
        List<MgmtDistributionSet> created = sets.create(user.tenant(), creates).stream()
                .map(MgmtDistributionSet::of)
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/{id}")
    public MgmtDistributionSet get(@PathVariable Long id) {
        return MgmtDistributionSet.detailed(sets.get(user.tenant(), id));
    }

    @PutMapping("/{id}")
    public MgmtDistributionSet update(
            @PathVariable Long id, @Valid @RequestBody MgmtDistributionSetRequestBodyPut body) {
        return MgmtDistributionSet.detailed(sets.update(user.tenant(), id, body.toUpdate()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable Long id) {
        sets.delete(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    /** The set's modules, paged in memory (a set holds a handful); only {@code offset} and {@code limit} apply. */
    @GetMapping("/{id}/assignedSM")
    public PagedList<MgmtSoftwareModule> modules(
            @PathVariable Long id,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort) {
        var pageable = PageParams.of(offset, limit, sort, SoftwareModuleService.FIELDS, Sort.by("id"));
        return PagedList.of(Paging.of(sets.get(user.tenant(), id).getModules(), pageable), MgmtSoftwareModule::of);
    }

    @PostMapping("/{id}/assignedSM")
    public ResponseEntity<Void> assignModules(
            @PathVariable Long id, @RequestBody List<@Valid @NotNull MgmtSoftwareModuleAssignment> body) {
        sets.assignModules(
                user.tenant(),
                id,
                body.stream().map(MgmtSoftwareModuleAssignment::id).toList());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/assignedSM/{moduleId}")
    public ResponseEntity<Void> unassignModule(@PathVariable Long id, @PathVariable Long moduleId) {
        sets.unassignModule(user.tenant(), id, moduleId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/assignedTargets")
    public MgmtTargetAssignmentResponseBody assignTargets(
            @PathVariable Long id,
            @RequestBody List<@Valid @NotNull MgmtTargetAssignmentRequestBody> body,
            @RequestParam(required = false) Boolean offline) {
        if (NotImplementedYet.isTrue(offline)) {
            return MgmtTargetAssignmentResponseBody.ofOffline(List.of(offlineAssignment.record(
                    user.tenant(),
                    id,
                    body.stream().map(MgmtTargetAssignmentRequestBody::id).toList(),
                    user.name())));
        }
        List<DeploymentService.Assignment> assignments = body.stream()
                .map(t -> new DeploymentService.Assignment(
                        t.id(),
                        MgmtAction.parseForceType(t.type()),
                        t.forcetime(),
                        t.weight(),
                        MgmtMaintenanceWindowRequestBody.toWindow(t.maintenanceWindow()),
                        t.confirmationRequired()))
                .toList();
        return MgmtTargetAssignmentResponseBody.of(
                List.of(deployments.assign(user.tenant(), id, assignments, user.name())));
    }

    /** Invalidates the set for good (hawkBit 1.1): 204; assigning it afterwards is a 400. */
    @PostMapping("/{id}/invalidate")
    public ResponseEntity<Void> invalidate(
            @PathVariable Long id, @Valid @RequestBody MgmtInvalidateDistributionSetRequestBody body) {
        invalidation.invalidate(
                user.tenant(),
                id,
                DistributionSetInvalidation.Cancelation.valueOf(
                        body.actionCancelationType().toUpperCase(Locale.ROOT)),
                Boolean.TRUE.equals(body.cancelRollouts()),
                user.name());
        return ResponseEntity.noContent().build();
    }
}
