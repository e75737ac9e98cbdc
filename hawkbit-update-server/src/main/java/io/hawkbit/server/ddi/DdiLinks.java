package io.hawkbit.server.ddi;

import io.hawkbit.server.mgmt.Links;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Absolute DDI hrefs for one device, built from the request's scheme and host. */
final class DdiLinks {

    private final String base;

    DdiLinks(String tenant, String controllerId) {
        this.base = "/" + tenant + "/controller/v1/" + encode(controllerId);
    }

    String deploymentBase(long actionId, String hash) {
        return Links.absolute(base + "/deploymentBase/" + actionId) + "?c=" + hash;
    }

    String confirmationBase(long actionId, String hash) {
        return Links.absolute(base + "/confirmationBase/" + actionId) + "?c=" + hash;
    }

    String activateAutoConfirm() {
        return Links.absolute(base + "/confirmationBase/activateAutoConfirm");
    }

    String deactivateAutoConfirm() {
        return Links.absolute(base + "/confirmationBase/deactivateAutoConfirm");
    }

    String cancelAction(long actionId) {
        return Links.absolute(base + "/cancelAction/" + actionId);
    }

    String installedBase(long actionId) {
        return Links.absolute(base + "/installedBase/" + actionId);
    }

    String configData() {
        return Links.absolute(base + "/configData");
    }

    String artifact(long moduleId, String filename) {
        return Links.absolute(base + "/softwaremodules/" + moduleId + "/artifacts/" + encode(filename));
    }

    /**
     * An artifact as devices see it, with the download and MD5SUM links hawkBit's clients look for; the download
     * links point at {@code direct} (a pre-signed S3 URL) when given, the MD5SUM links always at this server.
     */
    DdiJson.Artifact artifact(
            long moduleId, io.hawkbit.repository.softwaremodule.Artifact artifact, Optional<String> direct) {
        String href = artifact(moduleId, artifact.getFilename());
        String download = direct.orElse(href);
        Links links = new Links()
                .withHref("download", download)
                .withHref("download-http", download)
                .withHref("md5sum", href + ".MD5SUM")
                .withHref("md5sum-http", href + ".MD5SUM");
        return new DdiJson.Artifact(
                artifact.getFilename(),
                new DdiJson.Hashes(artifact.getSha1(), artifact.getMd5(), artifact.getSha256()),
                artifact.getSize(),
                links);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
