package io.hawkbit.repository.tenant;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The tenant settings the server understands, with hawkBit 1.1's key names, value types and defaults.
 * Target-token authentication is on by default (hawkBit ships it off) so a device created through the
 * Management API can poll without a configuration step. A key 1.1 renamed still answers to its 0.x name (an alias).
 */
public enum TenantConfigKey {
    POLLING_TIME("pollingTime", Kind.POLLING_TIME, "00:05:00"),
    POLLING_OVERDUE_TIME("pollingOverdueTime", Kind.POLLING_TIME, "00:05:00"),
    MIN_POLLING_TIME("minPollingTime", Kind.POLLING_TIME, "00:00:30"),
    TARGET_TOKEN_ENABLED("authentication.targettoken.enabled", Kind.BOOLEAN, "true"),
    GATEWAY_TOKEN_ENABLED("authentication.gatewaytoken.enabled", Kind.BOOLEAN, "false"),
    GATEWAY_TOKEN_KEY("authentication.gatewaytoken.key", Kind.STRING, ""),
    HEADER_AUTH_ENABLED("authentication.header.enabled", Kind.BOOLEAN, "false"),
    HEADER_AUTH_AUTHORITY("authentication.header.authority", Kind.STRING, ""),
    ANONYMOUS_DOWNLOAD_ENABLED("anonymous.download.enabled", Kind.BOOLEAN, "false"),
    AUTOCLOSE_ENABLED("repository.actions.autoclose.enabled", Kind.BOOLEAN, "false"),
    /** Once on, never off again: open actions of several sets per target would have no meaning without it. */
    MULTI_ASSIGNMENTS_ENABLED("multi.assignments.enabled", Kind.BOOLEAN, "false"),
    MAINTENANCE_WINDOW_POLL_COUNT("maintenanceWindowPollCount", Kind.INTEGER, "3"),
    ACTION_CLEANUP_ENABLED("action.cleanup.enabled", Kind.BOOLEAN, "false"),
    ACTION_CLEANUP_EXPIRY("action.cleanup.auto.expiry", Kind.LONG, "2592000000", true, "action.cleanup.actionExpiry"),
    ACTION_CLEANUP_STATUS(
            "action.cleanup.auto.status", Kind.STRING, "CANCELED,ERROR", true, "action.cleanup.actionStatus"),
    /**
     * The share of a target's action quota (hawkbit.quota.max-actions-per-target) that an assignment hitting it may
     * delete, oldest closed actions first; 0 (and, as in hawkBit, 100) refuses the assignment instead.
     */
    ACTION_CLEANUP_ON_QUOTA_HIT("action.cleanup.onQuotaHit.percent", Kind.PERCENT, "0"),
    ROLLOUT_APPROVAL_ENABLED("rollout.approval.enabled", Kind.BOOLEAN, "false"),
    USER_CONFIRMATION_ENABLED("user.confirmation.flow.enabled", Kind.BOOLEAN, "false"),
    IMPLICIT_LOCK_ENABLED("implicit.lock.enabled", Kind.BOOLEAN, "true"),
    /** Batches DMF messages in hawkBit; this server has no DMF, so there is nothing to batch and no effect. */
    BATCH_ASSIGNMENTS_ENABLED("batch.assignments.enabled", Kind.BOOLEAN, "false"),
    /** The id of the set type a new set gets when it names none; empty means the tenant's {@code os_app} type. */
    DEFAULT_DS_TYPE("default.ds.type", Kind.ENTITY_ID, "");

    /** hawkBit refuses polling times below 30 s and above a day. */
    static final Duration MIN_POLLING = Duration.ofSeconds(30);

    enum Kind {
        BOOLEAN,
        STRING,
        INTEGER,
        LONG,
        PERCENT,
        POLLING_TIME,
        ENTITY_ID
    }

    private final String key;
    private final Kind kind;
    private final String defaultValue;
    /** False for a switch whose feature does not exist yet: it may only be set to its default, off. */
    private final boolean implemented;
    /** The key's name before hawkBit 0.10 renamed it, accepted on every read and write; null for none. */
    private final String alias;

    TenantConfigKey(String key, Kind kind, String defaultValue) {
        this(key, kind, defaultValue, true);
    }

    TenantConfigKey(String key, Kind kind, String defaultValue, boolean implemented) {
        this(key, kind, defaultValue, implemented, null);
    }

    TenantConfigKey(String key, Kind kind, String defaultValue, boolean implemented, String alias) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.implemented = implemented;
        this.alias = alias;
    }

    /** The name hawkBit 1.1 uses, under which the value is stored and listed. */
    public String key() {
        return key;
    }

    public Optional<String> alias() {
        return Optional.ofNullable(alias);
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The setting named {@code key}, by its 1.1 name or its old one. */
    public static Optional<TenantConfigKey> of(String key) {
        return Arrays.stream(values())
                .filter(k -> k.key.equals(key) || (k.alias != null && k.alias.equals(key)))
                .findFirst();
    }

    /** A stored value as its JSON type: Boolean, Long or String. */
    public Object typed(String value) {
        return switch (kind) {
            case BOOLEAN -> Boolean.parseBoolean(value);
            case INTEGER, LONG, PERCENT -> Long.parseLong(value);
            case ENTITY_ID -> value.isEmpty() ? null : Long.parseLong(value);
            default -> value;
        };
    }

    /** Checks a value sent over the API and returns its canonical string form. */
    public String normalize(Object raw) {
        if (raw == null) {
            throw invalid(null);
        }
        String text = raw.toString().trim();
        switch (kind) {
            case BOOLEAN -> {
                if (!(raw instanceof Boolean) && !text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw invalid(raw);
                }
                if (!implemented && text.equalsIgnoreCase("true")) {
                    // Storing it would tell the operator the feature is on while nothing changes.
                    throw new HawkbitException(
                            ServerError.CONFIG_VALUE_INVALID,
                            "Configuration key '" + key + "' cannot be enabled: this server does not implement it yet");
                }
                return text.toLowerCase();
            }
            case INTEGER, LONG, PERCENT, ENTITY_ID -> {
                if (raw instanceof Boolean) {
                    throw invalid(raw);
                }
                try {
                    long value = Long.parseLong(text);
                    if (value < (kind == Kind.ENTITY_ID ? 1 : 0)
                            || (kind == Kind.INTEGER && value > Integer.MAX_VALUE)
                            || (kind == Kind.PERCENT && value > 100)) {
                        throw invalid(raw);
                    }
                    return Long.toString(value);
                } catch (NumberFormatException e) {
                    throw invalid(raw);
                }
            }
            case POLLING_TIME -> {
                Duration duration = parsePollingTime(text).orElseThrow(() -> invalid(raw));
                if (duration.compareTo(MIN_POLLING) < 0) {
                    throw invalid(raw);
                }
                return text;
            }
            default -> {
                if (!(raw instanceof String)) {
                    throw invalid(raw);
                }
                return text;
            }
        }
    }

    /** Reads hawkBit's `HH:MM:SS` form. */
    public static Optional<Duration> parsePollingTime(String text) {
        if (text == null || !text.matches("\\d{2}:\\d{2}:\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(LocalTime.parse(text).toSecondOfDay()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private HawkbitException invalid(Object raw) {
        return new HawkbitException(
                ServerError.CONFIG_VALUE_INVALID,
                "The value '" + raw + "' is not valid for configuration key '" + key + "' (" + describe() + ")");
    }

    private String describe() {
        return switch (kind) {
            case BOOLEAN -> "expected true or false";
            case INTEGER, LONG -> "expected a non-negative number";
            case PERCENT -> "expected a whole number from 0 to 100";
            case ENTITY_ID -> "expected the id of an existing entity";
            case POLLING_TIME -> "expected HH:MM:SS, at least 00:00:30";
            case STRING -> "expected a string";
        };
    }
}
