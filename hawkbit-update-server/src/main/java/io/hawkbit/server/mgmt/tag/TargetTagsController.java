package io.hawkbit.server.mgmt.tag;

import io.hawkbit.repository.target.TargetService;
import io.hawkbit.server.mgmt.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** hawkBit's {@code /rest/v1/targets/{id}/tags}: served here so the target resource needs nothing of tags. */
@RestController
class TargetTagsController {

    private final TargetService targets;
    private final CurrentUser user;

    public TargetTagsController(TargetService targets, CurrentUser user) {
        this.targets = targets;
        this.user = user;
    }

    @GetMapping("/rest/v1/targets/{controllerId}/tags")
    public List<MgmtTag> tags(@PathVariable String controllerId) {
        return targets.tagsOf(user.tenant(), controllerId).stream()
                .map(tag -> MgmtTag.of(tag, MgmtTag.TARGET_TAGS))
                .toList();
    }
}
