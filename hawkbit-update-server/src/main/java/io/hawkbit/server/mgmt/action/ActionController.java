package io.hawkbit.server.mgmt.action;

import io.hawkbit.repository.action.ActionQueries;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** hawkBit's {@code /rest/v1/actions}: the actions of all targets of the tenant. */
@RestController
@RequestMapping("/rest/v1/actions")
class ActionController {

    private final ActionQueries queries;
    private final ActionViews views;
    private final CurrentUser user;

    public ActionController(ActionQueries queries, ActionViews views, CurrentUser user) {
        this.queries = queries;
        this.views = views;
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
}
