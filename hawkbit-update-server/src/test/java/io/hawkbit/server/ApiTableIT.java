package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Holds docs/api.md's endpoint tables to the running server: every endpoint hawkBit 1.1.0 has is listed once, a row
 * that says it is served is served, a row that says it is not built is not, and every endpoint served here is in
 * either the 1.1 table or the table of extras. The docs can then not claim what the server does not do.
 */
@MgmtApiTest
class ApiTableIT {

    private static final Path DOC = Path.of("..", "docs", "api.md");
    private static final String TABLE_1_1 = "## hawkBit 1.1.0, endpoint by endpoint";
    private static final String TABLE_EXTRAS = "## Endpoints beyond hawkBit 1.1";
    /** 16 DDI and 153 Management endpoints: upstream's 1.1.0 interfaces, without master's unreleased ones. */
    private static final int ENDPOINTS_OF_1_1 = 169;

    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE) (/[^`]*)` \\| ([^|]*)\\|(.*)\\|$");
    private static final Pattern ISSUE = Pattern.compile("#\\d+");
    private static final PathPatternParser PARSER = new PathPatternParser();

    record Row(String method, String path, String state, String note) {

        /** A concrete path the row's pattern describes, for matching against the server's patterns. */
        String sample() {
            return path.replaceAll("\\{[^}]+}", "x1");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Row> rows11;
    private static List<Row> extras;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeAll
    static void readDoc() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        rows11 = rows(lines, TABLE_1_1);
        extras = rows(lines, TABLE_EXTRAS);
    }

    @Test
    void everyEndpointOf11_isListedOnce() {
        assertThat(rows11).hasSize(ENDPOINTS_OF_1_1);
        Set<String> seen = new TreeSet<>();
        List<Row> twice = rows11.stream()
                .filter(row -> !seen.add(row.method() + " " + row.sample()))
                .toList();
        assertThat(twice).as("listed more than once").isEmpty();
    }

    @Test
    void everyRow_saysSameDiffersOrNotBuilt_andWhy() {
        List<String> bad = new ArrayList<>();
        for (Row row : rows11) {
            switch (row.state()) {
                case "same" -> {}
                case "differs" -> {
                    if (row.note().isBlank()) {
                        bad.add(row + ": a difference without saying how");
                    }
                }
                case "not built" -> {
                    if (!ISSUE.matcher(row.note()).find()) {
                        bad.add(row + ": not built without naming the issue that builds it");
                    }
                }
                default -> bad.add(row + ": unknown state '" + row.state() + "'");
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void servedRows_areServed_andNotBuiltRows_areNot() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows11) {
            boolean served = served(row);
            if (row.state().equals("not built") && served) {
                wrong.add(row + " is served: update its row");
            } else if (!row.state().equals("not built") && !served) {
                wrong.add(row + " is not served, the table says " + row.state());
            }
        }
        for (Row row : extras) {
            if (!served(row)) {
                wrong.add(row + " (extras) is not served");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyServedEndpoint_isInATable() {
        List<String> unlisted = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String text = pattern.getPatternString();
                if (!text.startsWith("/rest/") && !text.startsWith("/{tenant}/controller/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                        continue;
                    }
                    boolean listed = rows11.stream().anyMatch(row -> matches(pattern, method, row))
                            || extras.stream().anyMatch(row -> matches(pattern, method, row));
                    if (!listed) {
                        unlisted.add(method + " " + text);
                    }
                }
            }
        }
        assertThat(unlisted).as("served but in neither table of docs/api.md").isEmpty();
    }

    private boolean served(Row row) {
        return mappings.getHandlerMethods().keySet().stream()
                .anyMatch(info -> info.getPathPatternsCondition().getPatterns().stream()
                        .anyMatch(pattern -> info.getMethodsCondition().getMethods().stream()
                                .anyMatch(method -> matches(pattern, method, row))));
    }

    private static boolean matches(PathPattern pattern, RequestMethod method, Row row) {
        return method.name().equals(row.method()) && pattern.matches(PathContainer.parsePath(row.sample()));
    }

    private static List<Row> rows(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        assertThat(start).as("docs/api.md has a section '%s'", heading).isNotNegative();
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                rows.add(new Row(
                        m.group(1), m.group(2), m.group(3).strip(), m.group(4).strip()));
            }
        }
        return rows;
    }
}
