package io.hawkbit.server.ui;

import io.hawkbit.repository.distribution.DistributionSetTagService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.tag.Tag;
import io.hawkbit.repository.tag.TagService;
import io.hawkbit.repository.target.TargetTagService;
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
 * Target tags and distribution set tags: list, create, delete, with the services {@code /rest/v1/targettags} and
 * {@code /rest/v1/distributionsettags} call.
 */
@Controller
@RequestMapping("/ui/tags")
class TagPageController {

    static final int SHOWN = 200;

    private final TargetTagService targetTags;
    private final DistributionSetTagService setTags;
    private final CurrentUser user;

    TagPageController(TargetTagService targetTags, DistributionSetTagService setTags, CurrentUser user) {
        this.targetTags = targetTags;
        this.setTags = setTags;
        this.user = user;
    }

    /** A tag as listed. */
    record TagRow(Long id, String name, String description, String colour) {}

    @GetMapping
    String tags(Model model) {
        model.addAttribute("targetTags", rows(targetTags)).addAttribute("setTags", rows(setTags));
        return "ui/tags";
    }

    @PostMapping("/{kind:target|set}")
    String create(
            @PathVariable String kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String colour,
            RedirectAttributes flash) {
        try {
            Tag created = service(kind)
                    .create(
                            user.tenant(),
                            List.of(new TagService.Create(
                                    FormInput.required(name, "Name", 128),
                                    FormInput.optional(description, "Description", 512),
                                    FormInput.optional(colour, "Colour", 16))))
                    .get(0);
            flash.addFlashAttribute("notice", "Created " + noun(kind) + " " + created.getName() + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ui/tags";
    }

    @PostMapping("/{kind:target|set}/{id}/delete")
    String delete(@PathVariable String kind, @PathVariable Long id, RedirectAttributes flash) {
        try {
            TagService<? extends Tag> tags = service(kind);
            String name = tags.get(user.tenant(), id).getName();
            tags.delete(user.tenant(), id);
            flash.addFlashAttribute("notice", "Deleted " + noun(kind) + " " + name + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ui/tags";
    }

    private TagService<? extends Tag> service(String kind) {
        return kind.equals("target") ? targetTags : setTags;
    }

    private static String noun(String kind) {
        return kind.equals("target") ? "target tag" : "distribution set tag";
    }

    private List<TagRow> rows(TagService<? extends Tag> tags) {
        return tags.find(user.tenant(), null, PageRequest.of(0, SHOWN, Sort.by("name"))).getContent().stream()
                .map(t -> new TagRow(t.getId(), t.getName(), t.getDescription(), t.getColour()))
                .toList();
    }
}
