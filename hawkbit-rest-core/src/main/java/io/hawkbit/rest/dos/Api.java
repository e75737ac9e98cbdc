package io.hawkbit.rest.dos;

import io.hawkbit.rest.path.DdiPath;
import jakarta.servlet.http.HttpServletRequest;

/** The class of traffic a request belongs to; each has a budget of its own. */
public enum Api {
    /** The Management API and every path that is neither DDI nor a download. */
    MGMT("mgmt"),
    /** The DDI API of devices, downloads excluded. */
    DDI("ddi"),
    /** Artifact downloads {@code /{tenant}/controller/v1/{controllerId}/softwaremodules/{id}/artifacts/**}. */
    DOWNLOAD("download");

    private final String tag;

    Api(String tag) {
        this.tag = tag;
    }

    /** The metric tag value. */
    public String tag() {
        return tag;
    }

    public static Api of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        if (path.startsWith("/rest/")) {
            return MGMT;
        }
        return DdiPath.parse(path).map(p -> p.download() ? DOWNLOAD : DDI).orElse(MGMT);
    }

    /** GET, HEAD and OPTIONS read; every other method writes. */
    public static boolean isWrite(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }
}
