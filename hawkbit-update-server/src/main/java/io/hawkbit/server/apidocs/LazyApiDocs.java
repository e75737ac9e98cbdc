package io.hawkbit.server.apidocs;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;
import org.springframework.stereotype.Component;

/**
 * Builds springdoc's beans (the OpenAPI service, swagger-core's model converters, the {@code /v3/api-docs} controller)
 * on the first request for the API documentation or the Swagger UI instead of at start.
 *
 * <p>Only API documentation needs them: about 60 beans at start. The dozen that other beans need at start (its
 * controller advice, its {@code WebMvcConfigurer}, its start listeners) are still created then. The controllers stay
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
