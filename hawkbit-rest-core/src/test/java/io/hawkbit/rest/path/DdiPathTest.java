package io.hawkbit.rest.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

class DdiPathTest {

    private static final PathPattern CONTROLLER =
            PathPatternParser.defaultInstance.parse("/{tenant}/controller/v1/{controllerId}/**");

    @Test
    void parse_yieldsTheIdsTheControllersGet() {
        for (String path : List.of(
                "/DEFAULT/controller/v1/dev%42",
                "/DEFAULT/controller/v1/dev%42/deploymentBase/1",
                "/DEFAULT/controller/v1/d%C3%A9v-%E2%98%83",
                "/DEF%41ULT/controller/v1/a+b/configData",
                "/DEFAULT/controller/v1/a:b@c",
                "/DEFAULT/controller/v1/dev-1/softwaremodules/2/artifacts/x%2Fy.bin")) {
            DdiPath parsed = DdiPath.parse(path).orElseThrow();
            var variables =
                    CONTROLLER.matchAndExtract(PathContainer.parsePath(path)).getUriVariables();
            assertThat(parsed.controllerId()).as(path).isEqualTo(variables.get("controllerId"));
            assertThat(parsed.tenant()).as(path).isEqualTo(variables.get("tenant"));
        }
    }

    @Test
    void parse_decodesPercentEscapes() {
        assertThat(DdiPath.parse("/DEFAULT/controller/v1/dev%42").orElseThrow().controllerId())
                .isEqualTo("devB");
        assertThat(DdiPath.parse("/DEFAULT/controller/v1/d%C3%A9v/softwaremodules/1/artifacts/f")
                        .orElseThrow())
                .isEqualTo(new DdiPath("DEFAULT", "dév", true));
    }

    @Test
    void parse_refusesMalformedEscapes() {
        assertThat(DdiPath.parse("/DEFAULT/controller/v1/dev%4")).isEmpty();
        assertThat(DdiPath.parse("/DEFAULT/controller/v1/dev%ZZ")).isEmpty();
        assertThat(DdiPath.parse("/rest/v1/targets")).isEmpty();
    }
}
