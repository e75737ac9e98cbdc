package io.hawkbit.rest.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Limits on the size of request bodies and of the JSON in them, checked before anything is parsed. */
@Validated
@ConfigurationProperties("hawkbit.server.request")
public class RequestLimitsProperties {

    /** Largest body of a DDI request (feedback, configData); devices send a few kilobytes. */
    @NotNull
    private DataSize maxDdiBodySize = DataSize.ofMegabytes(1);

    /**
     * Largest body of a Management API (or any non-DDI) request, multipart artifact uploads excepted: those are
     * bounded by {@code spring.servlet.multipart.max-request-size}.
     */
    @NotNull
    private DataSize maxManagementBodySize = DataSize.ofMegabytes(10);

    /** Longest JSON string value, in characters, that the JSON parser accepts in any request. */
    @Min(1024)
    @Max(100_000_000)
    private int maxJsonStringLength = 1_000_000;

    public DataSize getMaxDdiBodySize() {
        return maxDdiBodySize;
    }

    public void setMaxDdiBodySize(DataSize maxDdiBodySize) {
        this.maxDdiBodySize = maxDdiBodySize;
    }

    public DataSize getMaxManagementBodySize() {
        return maxManagementBodySize;
    }

    public void setMaxManagementBodySize(DataSize maxManagementBodySize) {
        this.maxManagementBodySize = maxManagementBodySize;
    }

    public int getMaxJsonStringLength() {
        return maxJsonStringLength;
    }

    public void setMaxJsonStringLength(int maxJsonStringLength) {
        this.maxJsonStringLength = maxJsonStringLength;
    }
}
