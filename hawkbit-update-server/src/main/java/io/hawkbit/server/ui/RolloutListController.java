package io.hawkbit.server.ui;

import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.rollout.Rollout;
import io.hawkbit.repository.rollout.RolloutPlanner;
import io.hawkbit.repository.rollout.RolloutQueries;
import io.hawkbit.repository.target.TargetService;
import io.hawkbit.server.mgmt.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rollout list with each rollout's progress, and the form that creates a rollout (with a live filter preview). */
@Controller
@RequestMapping("/ui/rollouts")
class RolloutListController {

    private static final Sort BY_ID_DESC = Sort.by(Sort.Direction.DESC, "id");
    private static final PageRequest COUNT_ONLY = PageRequest.of(0, 1);

    private final RolloutPlanner planner;
    private final RolloutQueries rollouts;
    private final TargetService targets;
    private final DistributionSetService sets;
    private final CurrentUser user;
    private final Clock clock;

    RolloutListController(
            RolloutPlanner planner,
            RolloutQueries rollouts,
            TargetService targets,
            DistributionSetService sets,
            CurrentUser user,
            Clock clock) {
        this.planner = planner;
        this.rollouts = rollouts;
        this.targets = targets;
        this.sets = sets;
        this.user = user;
        this.clock = clock;
    }

    /** One line of the list. */
    record RolloutRow(Long id, String name, String set, String status, ProgressBar bar) {}

    /** A set offered for the rollout. */
    record SetOption(Long id, String label) {}

    @GetMapping
    String list(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        rows(model);
        if (htmx != null) {
            return "ui/rollouts :: rows";
        }
        form(model, RolloutForm.empty());
        return "ui/rollouts";
    }

    /** How many targets the filter matches now, or why it is not a filter; shown under the field as it is typed. */
    @GetMapping("/preview")
    String preview(@RequestParam(required = false) String targetFilterQuery, Model model) {
        String filter = targetFilterQuery == null ? "" : targetFilterQuery.trim();
        if (!filter.isEmpty()) {
            try {
                model.addAttribute(
                        "matching",
                        targets.find(user.tenant(), filter, COUNT_ONLY).getTotalElements());
            } catch (HawkbitException e) {
                model.addAttribute("previewError", e.getMessage());
            }
        }
        return "ui/rollouts :: preview";
    }

    /** Creates the rollout and opens its page; wrong input shows the form again, filled in, with the reason (400). */
    @PostMapping
    String create(
            @ModelAttribute RolloutForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            Rollout created = planner.create(user.tenant(), form.toCreate(clock));
            flash.addFlashAttribute("notice", "Created rollout " + created.getName() + ".");
            return "redirect:/ui/rollouts/" + created.getId();
        } catch (HawkbitException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            rows(model);
            form(model, form);
            return "ui/rollouts";
        }
    }

    private void rows(Model model) {
        String tenant = user.tenant();
        Map<Long, String> setLabels = new HashMap<>();
        model.addAttribute(
                "rollouts",
                rollouts.find(tenant, null, PageRequest.of(0, 50, BY_ID_DESC)).getContent().stream()
                        .map(r -> new RolloutRow(
                                r.getId(),
                                r.getName(),
                                setLabels.computeIfAbsent(r.getDistributionSet().getId(), id -> setLabel(tenant, id)),
                                r.getStatus().json(),
                                ProgressBar.of(rollouts.counts(r.getId()).rollout())))
                        .toList());
    }

    /** The list's rollouts come without their sets loaded; a deleted set shows by its id. */
    private String setLabel(String tenant, Long setId) {
        try {
            return label(sets.get(tenant, setId));
        } catch (HawkbitException e) {
            return "#" + setId;
        }
    }

    private void form(Model model, RolloutForm form) {
        model.addAttribute("form", form)
                .addAttribute(
                        "sets",
                        sets.find(user.tenant(), null, PageRequest.of(0, 200, BY_ID_DESC)).getContent().stream()
                                .filter(DistributionSet::isComplete)
                                .map(s -> new SetOption(s.getId(), label(s)))
                                .toList())
                .addAttribute("types", List.of("forced", "soft", "downloadonly"));
    }

    static String label(DistributionSet set) {
        return set.getName() + ":" + set.getVersion();
    }
}
