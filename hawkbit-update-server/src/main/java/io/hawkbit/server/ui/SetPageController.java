package io.hawkbit.server.ui;

import io.hawkbit.repository.distribution.DistributionSet;
import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.distribution.DistributionSetTag;
import io.hawkbit.repository.distribution.DistributionSetTagService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.server.mgmt.CurrentUser;
import java.util.List;
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
 * A distribution set's page: what it holds, and its tags, put on and taken off with the services
 * {@code /rest/v1/distributionsettags/{id}/assigned} calls.
 */
@Controller
@RequestMapping("/ui/software/sets/{id}")
class SetPageController {

    private final DistributionSetService sets;
    private final DistributionSetTagService tags;
    private final CurrentUser user;

    SetPageController(DistributionSetService sets, DistributionSetTagService tags, CurrentUser user) {
        this.sets = sets;
        this.tags = tags;
        this.user = user;
    }

    /** A set as its page shows it. */
    record SetView(
            Long id,
            String label,
            String type,
            String description,
            boolean complete,
            boolean valid,
            boolean requiredMigrationStep,
            List<String> modules) {}

    /** A tag on the set, or one offered for it. */
    record TagOption(Long id, String name) {}

    @GetMapping
    String set(@PathVariable Long id, Model model) {
        String tenant = user.tenant();
        DistributionSet set = sets.get(tenant, id);
        List<TagOption> carried = sets.tagsOf(tenant, id).stream()
                .map(SetPageController::option)
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
        model.addAttribute(
                        "set",
                        new SetView(
                                set.getId(),
                                set.getName() + ":" + set.getVersion(),
                                set.getType().getName(),
                                set.getDescription(),
                                set.isComplete(),
                                set.isValid(),
                                set.isRequiredMigrationStep(),
                                set.getModules().stream()
                                        .map(m -> m.getName() + ":" + m.getVersion() + " ("
                                                + m.getType().getKey() + ")")
                                        .toList()))
                .addAttribute("tags", carried)
                .addAttribute(
                        "otherTags",
                        tags
                                .find(tenant, null, PageRequest.of(0, TagPageController.SHOWN, Sort.by("name")))
                                .getContent()
                                .stream()
                                .filter(t -> carried.stream().noneMatch(c -> c.id().equals(t.getId())))
                                .map(SetPageController::option)
                                .toList());
        return "ui/set";
    }

    @PostMapping("/tags")
    String tag(@PathVariable Long id, @RequestParam Long tagId, RedirectAttributes flash) {
        try {
            sets.tag(user.tenant(), tagId, List.of(id));
            flash.addFlashAttribute(
                    "notice", "Tagged " + tags.get(user.tenant(), tagId).getName() + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return redirectTo(id);
    }

    @PostMapping("/tags/{tagId}/remove")
    String untag(@PathVariable Long id, @PathVariable Long tagId, RedirectAttributes flash) {
        try {
            DistributionSetTag tag = tags.get(user.tenant(), tagId);
            sets.untag(user.tenant(), tagId, List.of(id));
            flash.addFlashAttribute("notice", "Removed tag " + tag.getName() + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return redirectTo(id);
    }

    private static TagOption option(DistributionSetTag tag) {
        return new TagOption(tag.getId(), tag.getName());
    }

    private static String redirectTo(Long id) {
        return "redirect:/ui/software/sets/" + id;
    }
}
