package io.hawkbit.server.mgmt.tag;

import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.distribution.DistributionSetTag;
import io.hawkbit.repository.distribution.DistributionSetTagService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import io.hawkbit.server.mgmt.JsonBodies;
import io.hawkbit.server.mgmt.distributionset.MgmtDistributionSet;
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

/** hawkBit's {@code /rest/v1/distributionsettags}: tags and the distribution sets carrying them. */
@RestController
@RequestMapping("/rest/v1/distributionsettags")
class DistributionSetTagController extends TagController<DistributionSetTag> {

    private final DistributionSetService sets;
    private final CurrentUser user;
    private final JsonBodies bodies;

    public DistributionSetTagController(
            DistributionSetTagService tags, DistributionSetService sets, CurrentUser user, JsonBodies bodies) {
        super(tags, user, MgmtTag.SET_TAGS, "assignedDistributionSets");
        this.sets = sets;
        this.user = user;
        this.bodies = bodies;
    }

    @GetMapping("/{id}/assigned")
    public PagedList<MgmtDistributionSet> assigned(
            @PathVariable Long id,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, DistributionSetService.FIELDS, Sort.by("id"));
        return PagedList.of(sets.tagged(user.tenant(), id, q, pageable), MgmtDistributionSet::of);
    }

    /** Tags the listed sets ({@code [7, 8]} as in 1.1, or 0.x's {@code [{"id": 7}]}); 204, as 1.1 answers. */
    @PostMapping("/{id}/assigned")
    public ResponseEntity<Void> assign(@PathVariable Long id, @RequestBody JsonNode body) {
        sets.tag(user.tenant(), id, setIds(body));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/assigned/{setId}")
    public ResponseEntity<Void> assignOne(@PathVariable Long id, @PathVariable Long setId) {
        sets.tag(user.tenant(), id, List.of(setId));
        return ResponseEntity.noContent().build();
    }

    /** Untags the listed sets, in either body form of {@link #assign}. */
    @DeleteMapping("/{id}/assigned")
    public ResponseEntity<Void> unassign(@PathVariable Long id, @RequestBody JsonNode body) {
        sets.untag(user.tenant(), id, setIds(body));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/assigned/{setId}")
    public ResponseEntity<Void> unassignOne(@PathVariable Long id, @PathVariable Long setId) {
        sets.untag(user.tenant(), id, List.of(setId));
        return ResponseEntity.noContent().build();
    }

    private Set<Long> setIds(JsonNode body) {
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode node : bodies.elements(body)) {
            ids.add(
                    node.isIntegralNumber() && node.canConvertToLong()
                            ? node.asLong()
                            : bodies.convert(node, MgmtAssignedDistributionSet.class)
                                    .id());
        }
        return ids;
    }
}
