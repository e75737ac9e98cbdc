package io.hawkbit.server.apidocs;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;
import org.springframework.stereotype.Component;

/**
 * Builds springdoc's beans (OpenAPI model, swagger-core converters, its Jackson 2 mappers) on the first request for
 * {@code /v3/api-docs} or the Swagger UI instead of at start.
 *
 * <p>Only API documentation needs them; at start they cost about 60 beans and 300 classes. Their controllers stay
 * mapped: Spring MVC registers a lazy handler by its bean name and creates it on the first request.
 */
@Component
class LazyApiDocs implements BeanFactoryPostProcessor {

    private static final String SPRINGDOC = "org.springdoc.";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (isSpringdoc(definition)) {
                definition.setLazyInit(true);
            }
        }
    }

    private static boolean isSpringdoc(BeanDefinition definition) {
        String className = definition.getBeanClassName();
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
            if (factoryMethod != null) {
                className = factoryMethod.getDeclaringClassName();
            }
        }
        return className != null && className.startsWith(SPRINGDOC);
    }
}
