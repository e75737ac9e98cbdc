package io.hawkbit.server.mgmt;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A HAL {@code _links} object with absolute hrefs built from the current request (honouring X-Forwarded-*). */
public final class Links {

    /** Where targets live; actions and assignments link below it. */
    public static final String TARGETS = "/rest/v1/targets/";

    /** One link; {@code name} is HAL's optional human-readable label, left out when null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String href, String name) {}

    private final Map<String, Link> links = new LinkedHashMap<>();

    public static Links self(String path) {
        return new Links().with("self", path);
    }

    public Links with(String rel, String path) {
        return withHref(rel, absolute(path));
    }

    /** Adds a link carrying a HAL {@code name}, as hawkBit labels an action's target, set and rollout links. */
    public Links withNamed(String rel, String path, String name) {
        links.put(rel, new Link(absolute(path), name));
        return this;
    }

    /** Adds a link whose href is already absolute. */
    public Links withHref(String rel, String href) {
        links.put(rel, new Link(href, null));
        return this;
    }

    @JsonAnyGetter
    public Map<String, Link> links() {
        return links;
    }

    /** An absolute URL for a path of this server. */
    public static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(path)
                .build()
                .toUriString();
    }
}
