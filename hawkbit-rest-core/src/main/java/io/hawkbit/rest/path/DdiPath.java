package io.hawkbit.rest.path;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.util.UriUtils;

/**
 * The tenant and controllerId named by a DDI path, percent-decoded as Spring MVC decodes the path variables the
 * controllers act on, or empty when the path is not one (or not decodable).
 */
public record DdiPath(String tenant, String controllerId, boolean download) {

    /** @param path the raw request path without the context path, as {@code getRequestURI()} gives it */
    public static Optional<DdiPath> parse(String path) {
        String[] parts = path.split("/");
        // "", tenant, "controller", "v1", controllerId, ...
        if (parts.length < 5 || !parts[2].equals("controller") || !parts[3].equals("v1") || parts[4].isEmpty()) {
            return Optional.empty();
        }
        boolean download = parts.length >= 8 && parts[5].equals("softwaremodules") && parts[7].equals("artifacts");
        try {
            // The token must be checked for the id the controllers get: "dev%42" is devB to them.
            return Optional.of(new DdiPath(
                    UriUtils.decode(parts[1], StandardCharsets.UTF_8),
                    UriUtils.decode(parts[4], StandardCharsets.UTF_8),
                    download));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
