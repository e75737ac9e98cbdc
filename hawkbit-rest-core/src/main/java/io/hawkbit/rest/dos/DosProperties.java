package io.hawkbit.rest.dos;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Limits on requests per client and second, per class of traffic, with client identity and allow and deny lists. */
@Validated
@ConfigurationProperties("hawkbit.server.security.dos.filter")
public class DosProperties {

    /** The highest limit per second accepted, well within Bucket4j's one token per nanosecond. */
    public static final int MAX_LIMIT = 1_000_000;

    /** Whether the DoS filter runs at all. */
    private boolean enabled = true;

    /** Management API reads (GET, HEAD, OPTIONS) per client per second; also covers paths outside DDI and the Management API. */
    @Min(1)
    @Max(MAX_LIMIT)
    private int maxRead = 200;

    /** Management API writes (every other method) per client per second. */
    @Min(1)
    @Max(MAX_LIMIT)
    private int maxWrite = 50;

    /** DDI API budget per client per second; artifact downloads do not count against it. */
    @Valid
    @NotNull
    private Budget ddi = new Budget(200, 50);

    /** Artifact download budget per client per second, large enough for ranged streaming installs (RAUC). */
    @Valid
    @NotNull
    private Budget download = new Budget(1000, 50);

    /** Proxies (CIDR) whose client-ip-header is believed; from anyone else the header is ignored. */
    @NotNull
    private List<Cidr> trustedProxies = List.of();

    /** Header naming the client behind a trusted proxy; the right-most address that is not a trusted proxy is the client. */
    @NotNull
    private String clientIpHeader = "X-Forwarded-For";

    /** Clients (CIDR) never limited, neither by this filter nor by per-address login counting. */
    @NotNull
    private List<Cidr> whitelist = List.of(Cidr.of("127.0.0.0/8"), Cidr.of("::1/128"));

    /** Clients (CIDR) always refused with 403. */
    @NotNull
    private List<Cidr> blacklist = List.of();

    /** Most clients with counters kept at once; beyond it the least recently seen are dropped. */
    @Min(1)
    private int maxTrackedClients = 100_000;

    /** Shortest time between two log lines about rejected requests; rejections in between are counted in the next line. */
    @NotNull
    private Duration logInterval = Duration.ofSeconds(10);

    /**
     * Where limits hold: {@code node} (each node counts alone, so N nodes allow N times the limit) or {@code cluster}
     * (each node enforces its share, the limit divided by the live members; see docs/clustering.md for the bounds).
     */
    @NotNull
    private Scope scope = Scope.NODE;

    /** The budget of one class of traffic, per client and second. */
    public static class Budget {

        /** Reads (GET, HEAD, OPTIONS) per client per second. */
        @Min(1)
        @Max(MAX_LIMIT)
        private int maxRead;

        /** Writes (every other method) per client per second. */
        @Min(1)
        @Max(MAX_LIMIT)
        private int maxWrite;

        public Budget() {}

        public Budget(int maxRead, int maxWrite) {
            this.maxRead = maxRead;
            this.maxWrite = maxWrite;
        }

        public int getMaxRead() {
            return maxRead;
        }

        public void setMaxRead(int maxRead) {
            this.maxRead = maxRead;
        }

        public int getMaxWrite() {
            return maxWrite;
        }

        public void setMaxWrite(int maxWrite) {
            this.maxWrite = maxWrite;
        }
    }

    /** The limit per second for one class of traffic and kind of method. */
    public int limit(Api api, boolean write) {
        return switch (api) {
            case MGMT -> write ? maxWrite : maxRead;
            case DDI -> write ? ddi.maxWrite : ddi.maxRead;
            case DOWNLOAD -> write ? download.maxWrite : download.maxRead;
        };
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getMaxRead() {
        return maxRead;
    }

    public void setMaxRead(int maxRead) {
        this.maxRead = maxRead;
    }

    public int getMaxWrite() {
        return maxWrite;
    }

    public void setMaxWrite(int maxWrite) {
        this.maxWrite = maxWrite;
    }

    public Budget getDdi() {
        return ddi;
    }

    public void setDdi(Budget ddi) {
        this.ddi = ddi;
    }

    public Budget getDownload() {
        return download;
    }

    public void setDownload(Budget download) {
        this.download = download;
    }

    public List<Cidr> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<Cidr> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public String getClientIpHeader() {
        return clientIpHeader;
    }

    public void setClientIpHeader(String clientIpHeader) {
        this.clientIpHeader = clientIpHeader;
    }

    public List<Cidr> getWhitelist() {
        return whitelist;
    }

    public void setWhitelist(List<Cidr> whitelist) {
        this.whitelist = whitelist;
    }

    public List<Cidr> getBlacklist() {
        return blacklist;
    }

    public void setBlacklist(List<Cidr> blacklist) {
        this.blacklist = blacklist;
    }

    public int getMaxTrackedClients() {
        return maxTrackedClients;
    }

    public void setMaxTrackedClients(int maxTrackedClients) {
        this.maxTrackedClients = maxTrackedClients;
    }

    public Duration getLogInterval() {
        return logInterval;
    }

    public void setLogInterval(Duration logInterval) {
        this.logInterval = logInterval;
    }

    public Scope getScope() {
        return scope;
    }

    public void setScope(Scope scope) {
        this.scope = scope;
    }
}
