package io.hawkbit.server.ui;

import io.hawkbit.repository.distribution.DistributionSetType;
import io.hawkbit.repository.distribution.DistributionSetTypeService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.softwaremodule.SoftwareModuleType;
import io.hawkbit.repository.softwaremodule.SoftwareModuleTypeService;
import io.hawkbit.repository.targettype.TargetTypeService;
import io.hawkbit.server.mgmt.CurrentUser;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * Target types, distribution set types and software module types: list, create, delete, with the services
 * {@code /rest/v1/targettypes}, {@code /rest/v1/distributionsettypes} and {@code /rest/v1/softwaremoduletypes} call.
 */
@Controller
@RequestMapping("/ui/types")
class TypePageController {

    private static final PageRequest ALL_BY_KEY = PageRequest.of(0, 200, Sort.by("key"));

    private final TargetTypeService targetTypes;
    private final DistributionSetTypeService setTypes;
    private final SoftwareModuleTypeService moduleTypes;
    private final CurrentUser user;

    TypePageController(
            TargetTypeService targetTypes,
            DistributionSetTypeService setTypes,
            SoftwareModuleTypeService moduleTypes,
            CurrentUser user) {
        this.targetTypes = targetTypes;
        this.setTypes = setTypes;
        this.moduleTypes = moduleTypes;
        this.user = user;
    }

    /** A type as listed; {@code details} says what it holds (compatible set types, module types, assignments). */
    record TypeRow(Long id, String key, String name, String description, String details) {}

    @GetMapping
    String types(Model model) {
        String tenant = user.tenant();
        List<SoftwareModuleType> modules =
                moduleTypes.find(tenant, null, ALL_BY_KEY).getContent();
        List<DistributionSetType> sets = setTypes.find(tenant, null, ALL_BY_KEY).getContent();
        model.addAttribute(
                        "targetTypes",
                        targetTypes.find(tenant, null, ALL_BY_KEY).getContent().stream()
                                .map(t -> new TypeRow(
                                        t.getId(),
                                        t.getKey(),
                                        t.getName(),
                                        t.getDescription(),
                                        "installs "
                                                + keys(
                                                        targetTypes.compatible(tenant, t.getId()),
                                                        DistributionSetType::getKey)))
                                .toList())
                .addAttribute(
                        "setTypes",
                        sets.stream()
                                .map(t -> new TypeRow(
                                        t.getId(),
                                        t.getKey(),
                                        t.getName(),
                                        t.getDescription(),
                                        "requires " + keys(t.mandatoryTypes(), SoftwareModuleType::getKey) + "; allows "
                                                + keys(t.optionalTypes(), SoftwareModuleType::getKey)))
                                .toList())
                .addAttribute(
                        "moduleTypes",
                        modules.stream()
                                .map(t -> new TypeRow(
                                        t.getId(),
                                        t.getKey(),
                                        t.getName(),
                                        t.getDescription(),
                                        t.getMaxAssignments() == Integer.MAX_VALUE
                                                ? "any number per set"
                                                : "at most " + t.getMaxAssignments() + " per set"))
                                .toList())
                .addAttribute("moduleTypeOptions", modules)
                .addAttribute("setTypeOptions", sets);
        return "ui/types";
    }

    @PostMapping("/target")
    String createTargetType(
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(name = "compatible", required = false) List<Long> compatible,
            RedirectAttributes flash) {
        return created(flash, "target type", () -> {
            String k = FormInput.optional(key, "Key", 64);
            String n = FormInput.optional(name, "Name", 128);
            if (k == null && n == null) {
                throw FormInput.invalid("Key or name is required");
            }
            return targetTypes
                    .create(
                            user.tenant(),
                            List.of(new TargetTypeService.Create(
                                    k,
                                    n,
                                    FormInput.optional(description, "Description", 512),
                                    null,
                                    orEmpty(compatible))))
                    .get(0)
                    .getName();
        });
    }

    @PostMapping("/set")
    String createSetType(
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(name = "mandatory", required = false) List<Long> mandatory,
            @RequestParam(name = "optional", required = false) List<Long> optional,
            RedirectAttributes flash) {
        return created(
                flash,
                "distribution set type",
                () -> setTypes.create(
                                user.tenant(),
                                List.of(new DistributionSetTypeService.Create(
                                        FormInput.required(key, "Key", 64),
                                        FormInput.required(name, "Name", 128),
                                        FormInput.optional(description, "Description", 512),
                                        null,
                                        orEmpty(mandatory),
                                        orEmpty(optional))))
                        .get(0)
                        .getName());
    }

    @PostMapping("/module")
    String createModuleType(
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String maxAssignments,
            RedirectAttributes flash) {
        return created(flash, "software module type", () -> {
            String max = FormInput.optional(maxAssignments, "Modules per set", 9);
            Integer parsed = null;
            if (max != null) {
                try {
                    parsed = Integer.parseInt(max);
                } catch (NumberFormatException e) {
                    parsed = 0;
                }
                if (parsed < 1) {
                    throw FormInput.invalid("Modules per set must be a whole number of at least 1, was '" + max + "'");
                }
            }
            return moduleTypes
                    .create(
                            user.tenant(),
                            List.of(new SoftwareModuleTypeService.Create(
                                    FormInput.required(key, "Key", 64),
                                    FormInput.required(name, "Name", 128),
                                    FormInput.optional(description, "Description", 512),
                                    null,
                                    parsed)))
                    .get(0)
                    .getName();
        });
    }

    @PostMapping("/{kind:target|set|module}/{id}/delete")
    String delete(@PathVariable String kind, @PathVariable Long id, RedirectAttributes flash) {
        String tenant = user.tenant();
        try {
            String name;
            switch (kind) {
                case "target" -> {
                    name = targetTypes.get(tenant, id).getName();
                    targetTypes.delete(tenant, id);
                }
                case "set" -> {
                    name = setTypes.get(tenant, id).getName();
                    setTypes.delete(tenant, id);
                }
                default -> {
                    name = moduleTypes.get(tenant, id).getName();
                    moduleTypes.delete(tenant, id);
                }
            }
            flash.addFlashAttribute("notice", "Deleted type " + name + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ui/types";
    }

    private static String created(RedirectAttributes flash, String noun, Supplier<String> create) {
        try {
            flash.addFlashAttribute("notice", "Created " + noun + " " + create.get() + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ui/types";
    }

    private static <T> String keys(List<T> types, Function<T, String> key) {
        return types.isEmpty()
                ? "nothing"
                : String.join(", ", types.stream().map(key).sorted().toList());
    }

    private static List<Long> orEmpty(List<Long> ids) {
        return ids == null ? List.of() : ids;
    }
}
