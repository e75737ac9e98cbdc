package io.hawkbit.repository.softwaremodule;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where artifact bytes are kept; in a cluster every node must see the same directory. */
@ConfigurationProperties("hawkbit.artifact.storage")
public class ArtifactStorageProperties {

    /** Directory holding artifact files, shared by all nodes of a cluster. */
    private Path path = Path.of("artifactrepo");

    public Path getPath() {
        return path;
    }

    public void setPath(Path path) {
        this.path = path;
    }
}
