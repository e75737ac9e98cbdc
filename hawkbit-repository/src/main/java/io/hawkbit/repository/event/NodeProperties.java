package io.hawkbit.repository.event;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Identity of this node in the cluster. */
@Validated
@ConfigurationProperties("hawkbit.node")
public class NodeProperties {

    /**
     * Unique id of this node (env {@code HAWKBIT_NODE_ID}); also its Spring Cloud Bus id. Default: host name plus a
     * random suffix, new at every start.
     */
    private String id;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
