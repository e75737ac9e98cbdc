package io.hawkbit.server.mgmt.target;

import io.hawkbit.repository.target.TargetGroupService;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * hawkBit's {@code /rest/v1/targetgroups} (0.10+): the tenant's groups, their targets, and putting targets into a
 * group (by controllerIds or by RSQL filter) or out of it. Writes answer 204, as hawkBit does.
 */
@RestController
@RequestMapping("/rest/v1/targetgroups")
class TargetGroupController {

    private final TargetGroupService groups;
    private final CurrentUser user;
    private final TargetViews views;

    TargetGroupController(TargetGroupService groups, CurrentUser user, TargetViews views) {
        this.groups = groups;
        this.user = user;
        this.views = views;
    }

    @GetMapping
    public List<String> groups() {
        return groups.groups(user.tenant());
    }

    /** Targets of exactly this group (a path segment cannot hold a sub-group). */
    @GetMapping("/{group}/assigned")
    public PagedList<MgmtTarget> members(
            @PathVariable String group,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort) {
        return page(group, false, offset, limit, sort);
    }

    /** Targets of the group given as a parameter ({@code EU/DE}); with {@code subgroups=true} also of its sub-groups. */
    @GetMapping("/assigned")
    public PagedList<MgmtTarget> membersWithSubgroups(
            @RequestParam String group,
            @RequestParam(defaultValue = "false") boolean subgroups,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort) {
        return page(group, subgroups, offset, limit, sort);
    }

    @PutMapping("/{group}/assigned")
    public ResponseEntity<Void> assign(@PathVariable String group, @RequestBody List<String> controllerIds) {
        groups.assign(user.tenant(), group, controllerIds);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/assigned")
    public ResponseEntity<Void> assignWithSubgroups(
            @RequestParam String group, @RequestBody List<String> controllerIds) {
        groups.assign(user.tenant(), group, controllerIds);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{group}")
    public ResponseEntity<Void> assignMatching(@PathVariable String group, @RequestParam String q) {
        groups.assignMatching(user.tenant(), group, q);
        return ResponseEntity.noContent().build();
    }

    @PutMapping
    public ResponseEntity<Void> assignMatchingWithSubgroups(@RequestParam String group, @RequestParam String q) {
        groups.assignMatching(user.tenant(), group, q);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/assigned")
    public ResponseEntity<Void> unassign(@RequestBody(required = false) List<String> controllerIds) {
        groups.assign(user.tenant(), null, controllerIds);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    public ResponseEntity<Void> unassignMatching(@RequestParam(required = false) String q) {
        groups.assignMatching(user.tenant(), null, q);
        return ResponseEntity.noContent().build();
    }

    private PagedList<MgmtTarget> page(String group, boolean subgroups, Integer offset, Integer limit, String sort) {
        var pageable = PageParams.of(offset, limit, sort, TargetService.FIELDS, Sort.by("controllerId"));
        return views.page(groups.members(user.tenant(), group, subgroups, pageable));
    }
}
