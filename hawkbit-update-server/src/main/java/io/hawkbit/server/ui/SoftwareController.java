package io.hawkbit.server.ui;

import io.hawkbit.repository.distribution.DistributionSetService;
import io.hawkbit.repository.distribution.DistributionSetTypeService;
import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import io.hawkbit.repository.softwaremodule.Artifact;
import io.hawkbit.repository.softwaremodule.SoftwareModule;
import io.hawkbit.repository.softwaremodule.SoftwareModuleService;
import io.hawkbit.repository.softwaremodule.SoftwareModuleTypeService;
import io.hawkbit.server.mgmt.CurrentUser;
import io.hawkbit.server.mgmt.softwaremodule.ArtifactFilename;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Software: modules with their artifacts, distribution sets, and the forms that create them. */
@Controller
@RequestMapping("/ui/software")
class SoftwareController {

    private static final Sort BY_ID_DESC = Sort.by(Sort.Direction.DESC, "id");
    private static final int SHOWN = 50;

    private final SoftwareModuleService modules;
    private final SoftwareModuleTypeService moduleTypes;
    private final DistributionSetService sets;
    private final DistributionSetTypeService setTypes;
    private final CurrentUser user;

    SoftwareController(
            SoftwareModuleService modules,
            SoftwareModuleTypeService moduleTypes,
            DistributionSetService sets,
            DistributionSetTypeService setTypes,
            CurrentUser user) {
        this.modules = modules;
        this.moduleTypes = moduleTypes;
        this.sets = sets;
        this.setTypes = setTypes;
        this.user = user;
    }

    /** A module with its artifacts. */
    record ModuleRow(Long id, String name, String version, String type, String vendor, List<ArtifactRow> artifacts) {}

    /** An artifact as operators check it: name, size and SHA-256. */
    record ArtifactRow(String filename, long size, String sha256) {}

    /** A distribution set with its modules. */
    record SetRow(Long id, String name, String version, String type, boolean complete, List<String> modules) {}

    /** A type to choose from. */
    record TypeOption(String key, String name) {}

    @GetMapping
    String software(Model model) {
        String tenant = user.tenant();
        List<ModuleRow> moduleRows =
                modules.find(tenant, null, PageRequest.of(0, SHOWN, BY_ID_DESC)).getContent().stream()
                        .map(m -> new ModuleRow(
                                m.getId(),
                                m.getName(),
                                m.getVersion(),
                                m.getType().getKey(),
                                m.getVendor(),
                                modules.artifacts(tenant, m.getId()).stream()
                                        .map(SoftwareController::artifact)
                                        .toList()))
                        .toList();
        model.addAttribute("modules", moduleRows)
                .addAttribute(
                        "sets",
                        sets.find(tenant, null, PageRequest.of(0, SHOWN, BY_ID_DESC)).getContent().stream()
                                .map(s -> new SetRow(
                                        s.getId(),
                                        s.getName(),
                                        s.getVersion(),
                                        s.getType().getKey(),
                                        s.isComplete(),
                                        s.getModules().stream()
                                                .map(SoftwareController::label)
                                                .toList()))
                                .toList())
                .addAttribute(
                        "moduleTypes",
                        moduleTypes.find(tenant, null, PageRequest.of(0, 100, Sort.by("key"))).getContent().stream()
                                .map(t -> new TypeOption(t.getKey(), t.getName()))
                                .toList())
                .addAttribute(
                        "setTypes",
                        setTypes.find(tenant, null, PageRequest.of(0, 100, Sort.by("key"))).getContent().stream()
                                .map(t -> new TypeOption(t.getKey(), t.getName()))
                                .toList());
        return "ui/software";
    }

    @PostMapping("/modules")
    String createModule(
            @RequestParam String type,
            @RequestParam String name,
            @RequestParam String version,
            @RequestParam(required = false) String vendor,
            RedirectAttributes flash) {
        try {
            SoftwareModule created = modules.create(
                            user.tenant(),
                            List.of(new SoftwareModuleService.Create(
                                    type, name.trim(), version.trim(), blankToNull(vendor), null)))
                    .get(0);
            flash.addFlashAttribute("notice", "Created module " + label(created) + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ui/software";
    }

    /**
     * Uploads the chosen files, one artifact each. A plain form post comes back to the page with the result; the
     * page's script (upload progress) sends one file per request with {@code X-Requested-With} and gets the result as
     * text, 400 when it failed.
     */
    @PostMapping("/modules/{id}/artifacts")
    String upload(
            @PathVariable Long id,
            @RequestParam("file") List<MultipartFile> files,
            @RequestHeader(name = "X-Requested-With", required = false) String requestedWith,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        List<String> uploaded = new ArrayList<>();
        String error = null;
        for (MultipartFile file : files) {
            try {
                uploaded.add(store(id, file));
            } catch (HawkbitException e) {
                error = e.getMessage();
                break;
            } catch (IOException e) {
                error = "Reading the uploaded file failed: " + e.getMessage();
                break;
            }
        }
        String notice = uploaded.isEmpty() ? null : "Uploaded " + String.join(", ", uploaded) + ".";
        if ("XMLHttpRequest".equals(requestedWith)) {
            if (error != null) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            model.addAttribute("uploadResult", error == null ? notice : error);
            return "ui/software :: upload-result";
        }
        if (notice != null) {
            flash.addFlashAttribute("notice", notice);
        }
        if (error != null) {
            flash.addFlashAttribute("error", error);
        }
        return "redirect:/ui/software";
    }

    /** Stores one file; its name and size as the result says it. */
    private String store(Long id, MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new HawkbitException(ServerError.ARTIFACT_UPLOAD_FAILED, "The uploaded file is empty");
        }
        String name = ArtifactFilename.check(file.getOriginalFilename(), "file");
        try (InputStream content = file.getInputStream()) {
            Artifact artifact = modules.upload(
                    user.tenant(), id, name, content, new SoftwareModuleService.ExpectedHashes(null, null, null));
            return artifact.getFilename() + " (" + artifact.getSize() + " bytes)";
        }
    }

    @PostMapping("/sets")
    String createSet(
            @RequestParam String type,
            @RequestParam String name,
            @RequestParam String version,
            @RequestParam(name = "modules", required = false) List<Long> moduleIds,
            RedirectAttributes flash) {
        try {
            var created = sets.create(
                            user.tenant(),
                            List.of(new DistributionSetService.Create(
                                    name.trim(),
                                    version.trim(),
                                    null,
                                    type,
                                    moduleIds == null ? List.of() : moduleIds,
                                    null)))
                    .get(0);
            flash.addFlashAttribute("notice", "Created set " + created.getName() + ":" + created.getVersion() + ".");
        } catch (HawkbitException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ui/software";
    }

    private static ArtifactRow artifact(Artifact artifact) {
        return new ArtifactRow(artifact.getFilename(), artifact.getSize(), artifact.getSha256());
    }

    private static String label(SoftwareModule module) {
        return module.getName() + ":" + module.getVersion();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
