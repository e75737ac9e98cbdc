package io.hawkbit.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * The {@code hawkbit.*} properties of every {@code META-INF/spring-configuration-metadata.json} on the classpath, and
 * what their classes hold by default: a name is resolved against a fresh instance of its {@code @ConfigurationProperties}
 * class, so defaults come from the field initialisers themselves, and map-valued properties resolve
 * {@code <map>.<key>.<field>} through the map's value type.
 */
final class PropertyMetadata {

    /** One property of the metadata; {@code defaultValue} is null when the metadata states none. */
    record Property(String name, String type, String sourceType, String description, Object defaultValue) {}

    /** A name resolved against its class: the value a fresh instance holds, its type, and the class. */
    record Resolved(Object value, TypeDescriptor type, Class<?> root) {}

    private final Map<String, Property> properties = new TreeMap<>();
    /** Top-level groups (one per @ConfigurationProperties class) by prefix. */
    private final Map<String, String> classes = new TreeMap<>();

    static PropertyMetadata load() throws IOException {
        PropertyMetadata metadata = new PropertyMetadata();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
            try (InputStream in = resource.getInputStream()) {
                metadata.add(JsonParserFactory.getJsonParser()
                        .parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return metadata;
    }

    @SuppressWarnings("unchecked")
    private void add(Map<String, Object> json) {
        for (Map<String, Object> group : (List<Map<String, Object>>) json.getOrDefault("groups", List.of())) {
            String name = (String) group.get("name");
            if (name.startsWith("hawkbit") && group.get("sourceMethod") == null) {
                classes.put(name, (String) group.get("type"));
            }
        }
        for (Map<String, Object> property : (List<Map<String, Object>>) json.getOrDefault("properties", List.of())) {
            String name = (String) property.get("name");
            if (name.startsWith("hawkbit.")) {
                properties.put(
                        name,
                        new Property(
                                name,
                                (String) property.get("type"),
                                (String) property.get("sourceType"),
                                (String) property.get("description"),
                                property.get("defaultValue")));
            }
        }
    }

    Collection<Property> properties() {
        return properties.values();
    }

    Optional<Property> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** The map-valued property a name lies under ({@code hawkbit.cache} for {@code hawkbit.cache.<name>.ttl}). */
    Optional<Property> mapAbove(String name) {
        return properties.values().stream()
                .filter(p -> p.type() != null && p.type().startsWith("java.util.Map<"))
                .filter(p -> name.startsWith(p.name() + "."))
                .findFirst();
    }

    /**
     * Resolves a name against a fresh instance of its class. Empty when a segment names no bean property, or when the
     * class cannot be created without arguments (constructor binding): then only the metadata can speak for it.
     */
    Optional<Resolved> resolve(String name) {
        Optional<String> prefix = classes.keySet().stream()
                .filter(p -> name.equals(p) || name.startsWith(p + "."))
                .max(Comparator.comparingInt(String::length));
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        Class<?> root = ClassUtils.resolveClassName(
                classes.get(prefix.get()), getClass().getClassLoader());
        Object value = instantiate(TypeDescriptor.valueOf(root));
        if (value == null) {
            return Optional.empty();
        }
        TypeDescriptor type = TypeDescriptor.valueOf(root);
        String rest = name.substring(prefix.get().length());
        for (String segment : rest.isEmpty()
                ? List.<String>of()
                : Arrays.asList(rest.substring(1).split("\\."))) {
            if (type.isMap()) {
                Object entry = value == null ? null : ((Map<?, ?>) value).get(segment);
                type = type.getMapValueTypeDescriptor();
                value = entry != null ? entry : instantiate(type);
                continue;
            }
            if (value == null) {
                value = instantiate(type);
            }
            if (value == null) {
                return Optional.empty();
            }
            BeanWrapper bean = new BeanWrapperImpl(value);
            String property = camel(segment);
            if (!bean.isReadableProperty(property)) {
                return Optional.empty();
            }
            type = bean.getPropertyTypeDescriptor(property);
            value = bean.getPropertyValue(property);
        }
        return Optional.of(new Resolved(value, type, root));
    }

    /** The bindable fields of a map's value type, dashed ({@code maximum-size}); empty for simple values. */
    List<String> valueFields(Property map) {
        Optional<Resolved> resolved = resolve(map.name());
        if (resolved.isEmpty() || !resolved.get().type().isMap()) {
            return List.of();
        }
        Object value = instantiate(resolved.get().type().getMapValueTypeDescriptor());
        if (value == null) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        for (var descriptor : new BeanWrapperImpl(value).getPropertyDescriptors()) {
            if (descriptor.getWriteMethod() != null) {
                fields.add(dashed(descriptor.getName()));
            }
        }
        return fields;
    }

    private static Object instantiate(TypeDescriptor type) {
        Class<?> cls = type.getType();
        if (BeanUtils.isSimpleValueType(cls)
                || cls.getName().startsWith("java.")
                || cls.isInterface()
                || cls.isRecord()) {
            return null;
        }
        try {
            return BeanUtils.instantiateClass(cls);
        } catch (RuntimeException noDefaultConstructor) {
            return null;
        }
    }

    static String camel(String dashed) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    static String dashed(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
