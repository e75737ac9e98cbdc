package io.hawkbit.repository.softwaremodule;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where artifact bytes are kept; in a cluster every node must see the same directory. */
@Validated
@ConfigurationProperties("hawkbit.artifact.storage")
public class ArtifactStorageProperties {

    /** Directory holding artifact files, shared by all nodes of a cluster. */
    @NotNull
    private Path path = Path.of("artifactrepo");

    public Path getPath() {
        return path;
    }

    public void setPath(Path path) {
        this.path = path;
    }
}
