package io.hawkbit.server.mgmt.tag;

import io.hawkbit.repository.target.TargetService;
import io.hawkbit.repository.target.TargetTag;
import io.hawkbit.repository.target.TargetTagService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import io.hawkbit.server.mgmt.JsonBodies;
import io.hawkbit.server.mgmt.target.MgmtTarget;
import io.hawkbit.server.mgmt.target.TargetViews;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** hawkBit's {@code /rest/v1/targettags}: tags and the targets carrying them. */
@RestController
@RequestMapping("/rest/v1/targettags")
class TargetTagController extends TagController<TargetTag> {

    private final TargetService targets;
    private final CurrentUser user;
    private final JsonBodies bodies;
    private final TargetViews targetViews;

    public TargetTagController(
            TargetTagService tags,
            TargetService targets,
            CurrentUser user,
            JsonBodies bodies,
            TargetViews targetViews) {
        super(tags, user, MgmtTag.TARGET_TAGS, "assignedTargets");
        this.targetViews = targetViews;
        this.targets = targets;
        this.user = user;
        this.bodies = bodies;
    }

    @GetMapping("/{id}/assigned")
    public PagedList<MgmtTarget> assigned(
            @PathVariable Long id,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, TargetService.FIELDS, Sort.by("controllerId"));
        return targetViews.page(targets.tagged(user.tenant(), id, q, pageable));
    }

    /**
     * Tags the given targets; the body lists controllerIds either as strings (1.1) or as {@code {"controllerId": ...}}
     * objects (0.3–0.8). Answers 204 without a body, as 1.1 does.
     */
    @PostMapping("/{id}/assigned")
    public ResponseEntity<Void> assign(@PathVariable Long id, @RequestBody JsonNode body) {
        targets.tag(user.tenant(), id, controllerIds(body));
        return ResponseEntity.noContent().build();
    }

    /** Tags one target (hawkBit 0.6+); 204 without a body, as 1.1 does. */
    @PostMapping("/{id}/assigned/{controllerId}")
    public ResponseEntity<Void> assignOne(@PathVariable Long id, @PathVariable String controllerId) {
        targets.tag(user.tenant(), id, List.of(controllerId));
        return ResponseEntity.noContent().build();
    }

    /** Untags the targets the body lists, in either body form {@link #assign} takes; all must exist, or none changes. */
    @DeleteMapping("/{id}/assigned")
    public ResponseEntity<Void> unassignMany(@PathVariable Long id, @RequestBody JsonNode body) {
        targets.untag(user.tenant(), id, controllerIds(body));
        return ResponseEntity.noContent().build();
    }

    private Set<String> controllerIds(JsonNode body) {
        Set<String> controllerIds = new LinkedHashSet<>();
        for (JsonNode node : bodies.elements(body)) {
            controllerIds.add(
                    node.isString()
                            ? node.asString()
                            : bodies.convert(node, MgmtAssignedTarget.class).controllerId());
        }
        return controllerIds;
    }

    @DeleteMapping("/{id}/assigned/{controllerId}")
    public ResponseEntity<Void> unassign(@PathVariable Long id, @PathVariable String controllerId) {
        targets.untag(user.tenant(), id, controllerId);
        return ResponseEntity.noContent().build();
    }
}
