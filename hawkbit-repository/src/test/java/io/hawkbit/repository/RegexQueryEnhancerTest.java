package io.hawkbit.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.util.ClassUtils;

/**
 * {@link RegexQueryEnhancer} holds only while no declared query needs Spring Data to rewrite it: a {@code Page} or
 * {@code Slice} result (a derived count query) or a {@code Sort} argument (an order by spliced into the string).
 */
class RegexQueryEnhancerTest {

    @Test
    void noDeclaredQueryNeedsSpringDataToRewriteIt() throws ClassNotFoundException {
        List<String> rewritten = new ArrayList<>();
        List<Method> declared = new ArrayList<>();
        for (Class<?> repository : repositories()) {
            for (Method method : repository.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Query.class)) {
                    continue;
                }
                declared.add(method);
                boolean paged = Page.class.isAssignableFrom(method.getReturnType())
                        || Slice.class.isAssignableFrom(method.getReturnType());
                boolean sorted = Arrays.stream(method.getParameterTypes()).anyMatch(Sort.class::isAssignableFrom);
                if (paged || sorted) {
                    rewritten.add(repository.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(declared).as("the scan finds the declared queries").hasSizeGreaterThan(20);
        assertThat(rewritten)
                .as("queries Spring Data would rewrite: give them a countQuery and no Sort, or derive them")
                .isEmpty();
    }

    private static List<Class<?>> repositories() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("io.hawkbit.repository")) {
            found.add(ClassUtils.forName(definition.getBeanClassName(), RegexQueryEnhancerTest.class.getClassLoader()));
        }
        return found;
    }
}
