package io.hawkbit.repository.softwaremodule;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The artifact store named by {@code hawkbit.artifact.storage.type}. */
@Configuration(proxyBeanMethods = false)
class ArtifactStoreConfiguration {

    @Bean
    ArtifactStore artifactStore(ArtifactStorageProperties properties, MeterRegistry meters) {
        return switch (properties.getType()) {
            case FILESYSTEM -> new FileArtifactStore(properties.getPath());
            case S3 -> new S3ArtifactStore(properties.getS3(), meters);
        };
    }
}
