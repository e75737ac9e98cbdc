package io.hawkbit.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.server.config.DocumentedProperties.Row;
import io.hawkbit.server.config.PropertyMetadata.Property;
import io.hawkbit.server.config.PropertyMetadata.Resolved;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Holds docs/configuration.md's property tables to the configuration metadata generated from the
 * {@code @ConfigurationProperties} classes of all modules: every {@code hawkbit.*} property has a row, every row names a
 * property, and a default stated in both agrees with what the class initialises. Also keeps the yml files from
 * repeating those defaults.
 */
class ConfigurationDocsTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final Pattern SINGLE_CODE_SPAN = Pattern.compile("`([^`]*)`");
    private static final Pattern LIST_INDEX = Pattern.compile("\\[\\d+]$");

    private static PropertyMetadata metadata;
    private static List<Row> rows;

    @BeforeAll
    static void load() throws IOException {
        metadata = PropertyMetadata.load();
        rows = DocumentedProperties.read(DOC);
        assertThat(metadata.properties())
                .as("hawkbit.* properties in the generated metadata")
                .hasSizeGreaterThan(40);
        assertThat(rows).as("hawkbit.* rows in " + DOC).hasSizeGreaterThan(40);
    }

    @Test
    void everyProperty_hasAJavadoc() {
        List<String> problems = metadata.properties().stream()
                .filter(p -> p.description() == null || p.description().isBlank())
                .map(p -> p.name() + " (" + p.sourceType() + ") has no description: give its field a one-line Javadoc.")
                .toList();
        assertThat(problems).as(report(problems)).isEmpty();
    }

    @Test
    void everyProperty_isDocumented() {
        Set<String> documented = rows.stream().map(Row::name).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Property property : metadata.properties()) {
            if (metadata.mapAbove(property.name()).isPresent()) {
                continue;
            }
            if (!isMap(property)) {
                if (!documented.contains(property.name())) {
                    problems.add(undocumented(property.name(), property));
                }
                continue;
            }
            // A map: a row per field of its values, with any key or a <name> placeholder (hawkbit.cache.<name>.ttl).
            List<String> fields = metadata.valueFields(property);
            if (fields.isEmpty() && documented.stream().noneMatch(n -> n.startsWith(property.name() + "."))) {
                problems.add(undocumented(property.name() + ".<name>", property));
            }
            for (String field : fields) {
                Pattern row =
                        Pattern.compile(Pattern.quote(property.name() + ".") + "[^.]+" + Pattern.quote("." + field));
                if (documented.stream().noneMatch(n -> row.matcher(n).matches())) {
                    problems.add(undocumented(property.name() + ".<name>." + field, property));
                }
            }
        }
        assertThat(problems).as(report(problems)).isEmpty();
    }

    @Test
    void everyDocumentedProperty_exists() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Row row : rows) {
            if (!seen.add(row.name())) {
                problems.add(at(row) + " documents " + row.name() + " a second time: keep one row per property.");
            }
            if (metadata.property(row.name()).isPresent()) {
                continue;
            }
            Optional<Property> map = metadata.mapAbove(row.name());
            boolean known = map.isPresent()
                    && (metadata.valueFields(map.get()).isEmpty()
                            || metadata.resolve(row.name()).isPresent());
            if (!known) {
                problems.add(at(row) + " documents " + row.name() + ", which no @ConfigurationProperties class defines."
                        + " Property names are public API: correct the row to the name the class binds, or remove it.");
            }
        }
        assertThat(problems).as(report(problems)).isEmpty();
    }

    @Test
    void documentedDefaults_areTheClassDefaults() {
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            Optional<Resolved> resolved = metadata.resolve(row.name());
            Optional<Expected> expected = Expected.of(row.defaultCell());
            if (resolved.isEmpty() || expected.isEmpty()) {
                continue;
            }
            Object actual = resolved.get().value();
            boolean same = expected.get().text() == null
                    ? isEmpty(actual)
                    : same(bind(expected.get().text(), resolved.get().type()), actual);
            if (!same) {
                problems.add(at(row) + " states the default of " + row.name() + " as " + row.defaultCell() + ", but "
                        + resolved.get().root().getSimpleName() + " initialises it to " + describe(actual)
                        + ". The default lives in the class: correct the row (or the class, if the row is right).");
            }
        }
        assertThat(problems).as(report(problems)).isEmpty();
    }

    @Test
    void metadataDefaults_areTheClassDefaults() {
        List<String> problems = new ArrayList<>();
        for (Property property : metadata.properties()) {
            Optional<Resolved> resolved = metadata.resolve(property.name());
            if (resolved.isEmpty()) {
                continue;
            }
            Object actual = resolved.get().value();
            Object stated = property.defaultValue() == null
                    ? null
                    : bind(text(property.defaultValue()), resolved.get().type());
            boolean same = property.defaultValue() == null ? isEmpty(actual) : same(stated, actual);
            if (!same) {
                problems.add(property.name() + ": the metadata states "
                        + (property.defaultValue() == null ? "no default" : "default " + property.defaultValue())
                        + " but "
                        + resolved.get().root().getSimpleName() + " initialises it to " + describe(actual)
                        + ". The configuration processor cannot see this initialiser (a constructor argument or a"
                        + " collection): state it as defaultValue in its module's"
                        + " src/main/resources/META-INF/additional-spring-configuration-metadata.json.");
            }
        }
        assertThat(problems).as(report(problems)).isEmpty();
    }

    @Test
    void ymlFiles_setNoHawkbitPropertyToItsDefault() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String file : List.of("application.yml", "application-cluster.yml")) {
            for (Map.Entry<String, String> setting : hawkbitSettings(file).entrySet()) {
                Optional<Resolved> resolved = metadata.resolve(setting.getKey());
                if (resolved.isPresent()
                        && same(
                                bind(setting.getValue(), resolved.get().type()),
                                resolved.get().value())) {
                    problems.add(file + " sets " + setting.getKey() + " to its default " + setting.getValue()
                            + ": remove it, the default lives in "
                            + resolved.get().root().getSimpleName() + ".");
                }
            }
        }
        assertThat(problems).as(report(problems)).isEmpty();
    }

    /** A default cell: one code span is a value, "none", "—" or "*(empty)*" means no value, anything else is prose. */
    private record Expected(String text) {

        static Optional<Expected> of(String cell) {
            if (cell == null) {
                return Optional.empty();
            }
            String trimmed = cell.trim();
            Matcher code = SINGLE_CODE_SPAN.matcher(trimmed);
            if (code.matches()) {
                String value = code.group(1).trim();
                return Optional.of(new Expected(
                        value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value));
            }
            if (trimmed.equals("*(empty)*")
                    || trimmed.equals("—")
                    || trimmed.equals("-")
                    || trimmed.startsWith("none")) {
                return Optional.of(new Expected(null));
            }
            return Optional.empty();
        }
    }

    /** Binds a text as the server would bind it to the property's type (durations, sizes, enums, lists, CIDRs). */
    private static Object bind(String text, TypeDescriptor type) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of("value", text));
        return new Binder(source)
                .bind("value", Bindable.of(type.getResolvableType()))
                .orElse(null);
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Path e && actual instanceof Path a) {
            return e.normalize().equals(a.normalize());
        }
        if (expected instanceof Collection<?> e && actual instanceof Collection<?> a) {
            return List.copyOf(e).equals(List.copyOf(a));
        }
        return Objects.equals(expected, actual);
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || "".equals(value)
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    private static String text(Object metadataDefault) {
        return metadataDefault instanceof Collection<?> values
                ? values.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(metadataDefault);
    }

    private static String describe(Object value) {
        return isEmpty(value) ? "nothing (" + value + ")" : String.valueOf(value);
    }

    private static boolean isMap(Property property) {
        return property.type() != null && property.type().startsWith("java.util.Map<");
    }

    /** The hawkbit.* settings of a yml file on the classpath, a list's items joined as the binder would split them. */
    private static Map<String, String> hawkbitSettings(String file) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
            for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                if (name.startsWith("hawkbit.")) {
                    String value = String.valueOf(source.getProperty(name));
                    settings.merge(LIST_INDEX.matcher(name).replaceAll(""), value, (a, b) -> a + "," + b);
                }
            }
        }
        return settings;
    }

    private static String undocumented(String name, Property property) {
        return name + " (" + property.sourceType() + ": " + property.description() + ") has no row in " + DOC
                + ". Add `| `" + name + "` | `<default>` | <meaning> |` to the table of its feature, stating the"
                + " default its class initialises.";
    }

    private static String at(Row row) {
        return DOC + ":" + row.line();
    }

    private static String report(List<String> problems) {
        return problems.size() + " problem(s):\n  " + String.join("\n  ", problems) + "\n";
    }
}
