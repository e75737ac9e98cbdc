package io.hawkbit.server.ui;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.rollout.Rollout;
import io.hawkbit.repository.rollout.RolloutCommands;
import io.hawkbit.repository.rollout.RolloutCounts;
import io.hawkbit.repository.rollout.RolloutGroup;
import io.hawkbit.repository.rollout.RolloutPlanner;
import io.hawkbit.repository.rollout.RolloutQueries;
import io.hawkbit.repository.rollout.RolloutStatus;
import io.hawkbit.server.mgmt.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A rollout's page: its facts, a progress bar per group that follows the devices live (the page refreshes its live
 * part when the event stream reports a change), and the lifecycle buttons, which call what the Management API calls.
 */
@Controller
@RequestMapping("/ui/rollouts/{id}")
class RolloutPageController {

    /** The buttons each state offers, in the order shown; stop ends every state that has not ended yet. */
    private static final Map<RolloutStatus, List<String>> COMMANDS = Map.of(
            RolloutStatus.READY, List.of("start", "stop", "delete"),
            RolloutStatus.WAITING_FOR_APPROVAL, List.of("approve", "deny", "stop", "delete"),
            RolloutStatus.APPROVAL_DENIED, List.of("delete"),
            RolloutStatus.STARTING, List.of("stop"),
            RolloutStatus.RUNNING, List.of("pause", "next", "stop", "delete"),
            RolloutStatus.PAUSED, List.of("resume", "stop", "delete"),
            RolloutStatus.STOPPED, List.of("delete"),
            // Retry makes a new rollout of the targets that failed; hawkBit offers it on finished rollouts only.
            RolloutStatus.FINISHED, List.of("retry", "delete"));

    private final RolloutCommands commands;
    private final RolloutPlanner planner;
    private final RolloutQueries rollouts;
    private final CurrentUser user;

    RolloutPageController(RolloutCommands commands, RolloutPlanner planner, RolloutQueries rollouts, CurrentUser user) {
        this.commands = commands;
        this.planner = planner;
        this.rollouts = rollouts;
        this.user = user;
    }

    /** What the page says about the rollout itself. */
    record RolloutView(
            Long id,
            String name,
            String status,
            String set,
            String filter,
            String type,
            String startAt,
            String approvalDecidedBy,
            String approvalRemark) {}

    /** A group with its bar and its thresholds in percent (error threshold null when there is none). */
    record GroupRow(
            int number, String name, String status, String successThreshold, String errorThreshold, ProgressBar bar) {}

    @GetMapping
    String rollout(@PathVariable Long id, Model model) {
        live(id, model);
        return "ui/rollout";
    }

    /** The parts that change while devices report; fetched again by the page on every relevant event. */
    @GetMapping("/live")
    String liveFragment(@PathVariable Long id, Model model) {
        live(id, model);
        return "ui/rollout :: live";
    }

    @PostMapping("/{command:start|pause|resume|next|stop|approve|deny}")
    String command(
            @PathVariable Long id,
            @PathVariable String command,
            @RequestParam(required = false) String remark,
            RedirectAttributes flash) {
        String tenant = user.tenant();
        String note = remark == null || remark.isBlank() ? null : remark.trim();
        try {
            switch (command) {
                case "start" -> commands.start(tenant, id);
                case "pause" -> commands.pause(tenant, id);
                case "resume" -> commands.resume(tenant, id);
                case "next" -> commands.triggerNextGroup(tenant, id);
                case "stop" -> commands.stop(tenant, id, user.name());
                case "approve" -> commands.approve(tenant, id, user.name(), note, true);
                default -> commands.approve(tenant, id, user.name(), note, false);
            }
            flash.addFlashAttribute("notice", done(command));
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ui/rollouts/" + id;
    }

    /** A new rollout of the targets whose action failed in this finished one, as {@code POST .../retry}; opens it. */
    @PostMapping("/retry")
    String retry(@PathVariable Long id, RedirectAttributes flash) {
        try {
            Rollout created = planner.retry(user.tenant(), id);
            flash.addFlashAttribute("notice", "Created rollout " + created.getName() + " of the failed targets.");
            return "redirect:/ui/rollouts/" + created.getId();
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/ui/rollouts/" + id;
        }
    }

    /** Deletes the rollout as {@code DELETE /rest/v1/rollouts/{id}} does and goes back to the list. */
    @PostMapping("/delete")
    String delete(@PathVariable Long id, RedirectAttributes flash) {
        try {
            String name = rollouts.get(user.tenant(), id).getName();
            commands.delete(user.tenant(), id);
            flash.addFlashAttribute("notice", "Deleted rollout " + name + ".");
            return "redirect:/ui/rollouts";
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/ui/rollouts/" + id;
        }
    }

    private void live(Long id, Model model) {
        String tenant = user.tenant();
        Rollout rollout = rollouts.get(tenant, id);
        RolloutCounts counts = rollouts.counts(id);
        List<RolloutGroup> groups = rollouts.groups(tenant, id, null, PageRequest.of(0, 500, Sort.by("position")))
                .getContent();
        model.addAttribute(
                        "rollout",
                        new RolloutView(
                                rollout.getId(),
                                rollout.getName(),
                                rollout.getStatus().json(),
                                RolloutListController.label(rollout.getDistributionSet()),
                                rollout.getTargetFilterQuery(),
                                rollout.getActionType().json(),
                                rollout.getStartAt() == null
                                        ? null
                                        : Instant.ofEpochMilli(rollout.getStartAt())
                                                .toString(),
                                rollout.getApprovalDecidedBy(),
                                rollout.getApprovalRemark()))
                .addAttribute("bar", ProgressBar.of(counts.rollout()))
                .addAttribute(
                        "groups",
                        groups.stream()
                                .map(g -> new GroupRow(
                                        g.getPosition() + 1,
                                        g.getName(),
                                        g.getStatus().json(),
                                        g.getConditions().successConditionExp(),
                                        g.getConditions().errorConditionExp(),
                                        ProgressBar.of(counts.group(g.getId()))))
                                .toList())
                .addAttribute("commands", COMMANDS.getOrDefault(rollout.getStatus(), List.of()));
    }

    private static String done(String command) {
        return switch (command) {
            case "start" -> "Started: the first group begins in a moment.";
            case "pause" -> "Paused.";
            case "resume" -> "Resumed.";
            case "next" -> "The next group started.";
            case "stop" -> "Stopped: open actions are being canceled.";
            case "approve" -> "Approved.";
            default -> "Denied.";
        };
    }
}
