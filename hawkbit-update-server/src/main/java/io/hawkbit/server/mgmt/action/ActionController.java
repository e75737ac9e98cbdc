package io.hawkbit.server.mgmt.action;

import io.hawkbit.repository.action.ActionDeletion;
import io.hawkbit.repository.action.ActionQueries;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** hawkBit's {@code /rest/v1/actions}: the actions of all targets of the tenant, read and deleted. */
@RestController
@RequestMapping("/rest/v1/actions")
class ActionController {

    private final ActionQueries queries;
    private final ActionViews views;
    private final ActionDeletion deletion;
    private final CurrentUser user;

    public ActionController(ActionQueries queries, ActionViews views, ActionDeletion deletion, CurrentUser user) {
        this.queries = queries;
        this.views = views;
        this.deletion = deletion;
        this.user = user;
    }

    @GetMapping
    public PagedList<MgmtAction> list(
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, ActionQueries.FIELDS, Sort.by(Sort.Direction.DESC, "id"));
        return views.page(user.tenant(), queries.find(user.tenant(), q, pageable));
    }

    @GetMapping("/{id}")
    public MgmtAction get(@PathVariable Long id) {
        return views.detailed(user.tenant(), queries.action(user.tenant(), id));
    }

    /** Deletes a closed action; 204, as hawkBit 1.1. */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable Long id) {
        deletion.delete(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }

    /** Deletes the closed actions a query matches, or those a body {@code [id, ...]} names; exactly one of the two. */
    @DeleteMapping
    public ResponseEntity<Void> deleteMany(
            @RequestParam(required = false) String q, @RequestBody(required = false) JsonNode body) {
        List<Long> ids = ActionIdList.parse(body);
        boolean byQuery = q != null && !q.isBlank();
        if (byQuery == !ids.isEmpty()) {
            throw new HawkbitException(
                    ServerError.PARAM_INVALID,
                    "Give either a query q or a body listing action ids, e.g. [253, 255], not "
                            + (byQuery ? "both" : "neither"));
        }
        if (byQuery) {
            deletion.deleteMatching(user.tenant(), q);
        } else {
            deletion.delete(user.tenant(), ids);
        }
        return ResponseEntity.noContent().build();
    }
}
