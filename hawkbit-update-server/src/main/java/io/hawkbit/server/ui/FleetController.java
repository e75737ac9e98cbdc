package io.hawkbit.server.ui;

import io.hawkbit.repository.action.Action;
import io.hawkbit.repository.action.ActionCancellation;
import io.hawkbit.repository.action.ActionQueries;
import io.hawkbit.repository.action.ActionType;
import io.hawkbit.repository.action.DeploymentService;
import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.target.Target;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.repository.target.TargetTag;
import io.hawkbit.repository.target.TargetTagService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.server.mgmt.CurrentUser;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The fleet: the target list with filter, paging and sorting; a target's page; assigning a set and cancelling. */
@Controller
@RequestMapping("/ui/targets")
class FleetController {

    static final int PAGE_SIZE = 25;
    private static final Sort BY_ID_DESC = Sort.by(Sort.Direction.DESC, "id");

    private final TargetService targets;
    private final DeploymentService deployments;
    private final ActionQueries actions;
    private final ActionCancellation cancellation;
    private final DistributionSetService sets;
    private final TargetTagService tags;
    private final CurrentUser user;
    private final Clock clock;

    FleetController(
            TargetService targets,
            DeploymentService deployments,
            ActionQueries actions,
            ActionCancellation cancellation,
            DistributionSetService sets,
            TargetTagService tags,
            CurrentUser user,
            Clock clock) {
        this.targets = targets;
        this.deployments = deployments;
        this.actions = actions;
        this.cancellation = cancellation;
        this.sets = sets;
        this.tags = tags;
        this.user = user;
        this.clock = clock;
    }

    /** One line of the target list. */
    record TargetRow(String controllerId, String name, String updateStatus, boolean overdue, String lastPoll) {}

    /** One action with its newest status entries. */
    record ActionRow(
            Long id,
            String set,
            String type,
            String status,
            boolean active,
            boolean canceling,
            Integer lastCode,
            String created,
            List<StatusRow> history) {}

    /** One entry of an action's status history. */
    record StatusRow(String status, String at, Integer code, List<String> messages) {}

    /** A tag on the target, or one offered for it. */
    record TagOption(Long id, String name) {}

    /** A set offered for assignment. */
    record SetOption(Long id, String label) {}

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "controllerId") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        String filter = q == null || q.isBlank() ? null : q.trim();
        String direction = "desc".equalsIgnoreCase(dir) ? "desc" : "asc";
        model.addAttribute("q", filter == null ? "" : filter)
                .addAttribute("sort", sort)
                .addAttribute("dir", direction);
        try {
            var pageable = PageParams.of(
                    Math.max(0, page) * PAGE_SIZE,
                    PAGE_SIZE,
                    sort + ":" + direction.toUpperCase(),
                    TargetService.FIELDS,
                    Sort.by("controllerId"));
            Page<Target> found = targets.find(user.tenant(), filter, pageable);
            model.addAttribute(
                            "rows", found.getContent().stream().map(this::row).toList())
                    .addAttribute("total", found.getTotalElements())
                    .addAttribute("page", Math.max(0, page))
                    .addAttribute("pages", Math.max(1, (found.getTotalElements() + PAGE_SIZE - 1) / PAGE_SIZE));
        } catch (HawkbitException e) {
            // A malformed filter or an unknown sort field: say so where the operator typed it.
            model.addAttribute("rows", List.of())
                    .addAttribute("total", 0)
                    .addAttribute("page", 0)
                    .addAttribute("pages", 1)
                    .addAttribute("error", e.getMessage());
        }
        return htmx != null ? "ui/targets :: results" : "ui/targets";
    }

    @PostMapping
    String create(
            @RequestParam String controllerId, @RequestParam(required = false) String name, RedirectAttributes flash) {
        try {
            targets.create(
                    user.tenant(),
                    List.of(new TargetService.Create(
                            controllerId.trim(),
                            name == null || name.isBlank() ? null : name.trim(),
                            null,
                            null,
                            null)));
            return "redirect:/ui/targets/" + UriUtils.encodePathSegment(controllerId.trim(), "UTF-8");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/ui/targets";
        }
    }

    @GetMapping("/{controllerId}")
    String target(@PathVariable String controllerId, Model model) {
        String tenant = user.tenant();
        live(tenant, controllerId, model);
        Map<String, String> attributes = targets.attributes(tenant, controllerId);
        List<TagOption> carried = targets.tagsOf(tenant, controllerId).stream()
                .map(t -> new TagOption(t.getId(), t.getName()))
                .sorted(Comparator.comparing(TagOption::name))
                .toList();
        model.addAttribute("attributes", attributes)
                .addAttribute("tags", carried)
                .addAttribute(
                        "otherTags",
                        tags
                                .find(tenant, null, PageRequest.of(0, TagPageController.SHOWN, Sort.by("name")))
                                .getContent()
                                .stream()
                                .filter(t -> carried.stream().noneMatch(c -> c.id().equals(t.getId())))
                                .map(t -> new TagOption(t.getId(), t.getName()))
                                .toList())
                .addAttribute(
                        "sets",
                        sets.find(tenant, null, PageRequest.of(0, 200, BY_ID_DESC)).getContent().stream()
                                .filter(DistributionSet::isComplete)
                                .map(s -> new SetOption(s.getId(), s.getName() + ":" + s.getVersion()))
                                .toList())
                .addAttribute("types", List.of("forced", "soft", "downloadonly"));
        return "ui/target";
    }

    /** The parts of a target page that change while the device works: polled by the page. */
    @GetMapping("/{controllerId}/live")
    String liveFragment(@PathVariable String controllerId, Model model) {
        live(user.tenant(), controllerId, model);
        return "ui/target :: live";
    }

    @PostMapping("/{controllerId}/assign")
    String assign(
            @PathVariable String controllerId,
            @RequestParam Long setId,
            @RequestParam(defaultValue = "forced") String type,
            RedirectAttributes flash) {
        try {
            ActionType actionType = ActionType.fromJson(type).orElse(ActionType.FORCED);
            DeploymentService.AssignmentResult result = deployments.assign(
                    user.tenant(),
                    setId,
                    List.of(new DeploymentService.Assignment(controllerId, actionType, null, null)),
                    user.name());
            flash.addFlashAttribute(
                    "notice",
                    result.assigned().isEmpty()
                            ? "The set was already assigned."
                            : "Assigned: action " + result.assigned().get(0).actionId() + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return redirectTo(controllerId);
    }

    @PostMapping("/{controllerId}/actions/{actionId}/cancel")
    String cancel(
            @PathVariable String controllerId,
            @PathVariable Long actionId,
            @RequestParam(defaultValue = "false") boolean force,
            RedirectAttributes flash) {
        try {
            cancellation.cancel(user.tenant(), controllerId, actionId, force, user.name());
            flash.addFlashAttribute(
                    "notice", (force ? "Force-closed" : "Cancel requested for") + " action " + actionId + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return redirectTo(controllerId);
    }

    @PostMapping("/{controllerId}/tags")
    String tag(@PathVariable String controllerId, @RequestParam Long tagId, RedirectAttributes flash) {
        try {
            targets.tag(user.tenant(), tagId, List.of(controllerId));
            flash.addFlashAttribute(
                    "notice", "Tagged " + tags.get(user.tenant(), tagId).getName() + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return redirectTo(controllerId);
    }

    @PostMapping("/{controllerId}/tags/{tagId}/remove")
    String untag(@PathVariable String controllerId, @PathVariable Long tagId, RedirectAttributes flash) {
        try {
            TargetTag tag = tags.get(user.tenant(), tagId);
            targets.untag(user.tenant(), tagId, controllerId);
            flash.addFlashAttribute("notice", "Removed tag " + tag.getName() + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return redirectTo(controllerId);
    }

    private void live(String tenant, String controllerId, Model model) {
        Target target = targets.get(tenant, controllerId);
        Page<Action> page = actions.actionsOf(tenant, controllerId, null, PageRequest.of(0, 20, BY_ID_DESC));
        model.addAttribute("target", row(target))
                .addAttribute("address", target.getAddress())
                .addAttribute("description", target.getDescription())
                .addAttribute(
                        "assigned",
                        targets.assignedDistributionSet(tenant, controllerId)
                                .map(FleetController::label)
                                .orElse(null))
                .addAttribute(
                        "installed",
                        targets.installedDistributionSet(tenant, controllerId)
                                .map(FleetController::label)
                                .orElse(null))
                .addAttribute(
                        "actions",
                        page.getContent().stream()
                                .map(a -> action(tenant, controllerId, a))
                                .toList());
    }

    private ActionRow action(String tenant, String controllerId, Action action) {
        List<StatusRow> history = actions
                .statusesOf(tenant, controllerId, action.getId(), PageRequest.of(0, 10, BY_ID_DESC))
                .getContent()
                .stream()
                .map(s -> new StatusRow(
                        s.getStatus().json(),
                        ConsoleModel.ago(clock, s.getCreatedAt().toEpochMilli()),
                        s.getCode(),
                        s.getMessages()))
                .toList();
        return new ActionRow(
                action.getId(),
                label(action.getDistributionSet()),
                action.getActionType().json(),
                action.getStatus().json(),
                action.isActive(),
                action.isCancelingOrCanceled(),
                action.getLastActionStatusCode(),
                ConsoleModel.ago(clock, action.getCreatedAt().toEpochMilli()),
                history);
    }

    private TargetRow row(Target target) {
        return new TargetRow(
                target.getControllerId(),
                target.getName(),
                target.getUpdateStatus().json(),
                target.isOverdue(),
                ConsoleModel.ago(clock, target.getLastTargetQuery()));
    }

    private static String label(DistributionSet set) {
        return set.getName() + ":" + set.getVersion();
    }

    private static String redirectTo(String controllerId) {
        return "redirect:/ui/targets/" + UriUtils.encodePathSegment(controllerId, "UTF-8");
    }
}
