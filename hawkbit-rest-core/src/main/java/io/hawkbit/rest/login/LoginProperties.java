package io.hawkbit.rest.login;

import io.hawkbit.rest.dos.Scope;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/** Limits on failed logins: Management API Basic auth per user name and per client address, DDI tokens per address. */
@Validated
@ConfigurationProperties("hawkbit.server.security.login")
public class LoginProperties implements Validator {

    /** Failed Management API logins per user name, and per client address, within {@code period} before a lockout. */
    @Min(1)
    private int maxAttempts = 5;

    /** Failed DDI authentications (answered 401) per client address within {@code period} before a lockout. */
    @Min(1)
    private int ddiMaxAttempts = 20;

    /** Window in which failures are counted, from the first failure; {@code 5m} or ISO-8601 {@code PT5M}. */
    @NotNull
    private Duration period = Duration.ofMinutes(5);

    /** How long a user name or address is refused with 429 once over the limit, even with the right password. */
    @NotNull
    private Duration lockout = Duration.ofMinutes(5);

    /** Most user names and addresses with failures kept at once; beyond it the least recently failed are dropped. */
    @Min(1)
    private int maxTracked = 100_000;

    /**
     * Where failures are counted: {@code node} (each node alone) or {@code cluster} (every failure is broadcast on the
     * bus and counted on every node, so a lockout holds cluster-wide).
     */
    @NotNull
    private Scope scope = Scope.NODE;

    @Override
    public boolean supports(Class<?> type) {
        return LoginProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        LoginProperties properties = (LoginProperties) target;
        if (properties.period == null || properties.period.isNegative() || properties.period.isZero()) {
            errors.rejectValue("period", "positive", "must be a positive duration such as 5m or PT5M");
        }
        if (properties.lockout == null || properties.lockout.isNegative() || properties.lockout.isZero()) {
            errors.rejectValue("lockout", "positive", "must be a positive duration such as 5m or PT5M");
        }
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public int getDdiMaxAttempts() {
        return ddiMaxAttempts;
    }

    public void setDdiMaxAttempts(int ddiMaxAttempts) {
        this.ddiMaxAttempts = ddiMaxAttempts;
    }

    public Duration getPeriod() {
        return period;
    }

    public void setPeriod(Duration period) {
        this.period = period;
    }

    public Duration getLockout() {
        return lockout;
    }

    public void setLockout(Duration lockout) {
        this.lockout = lockout;
    }

    public int getMaxTracked() {
        return maxTracked;
    }

    public void setMaxTracked(int maxTracked) {
        this.maxTracked = maxTracked;
    }

    public Scope getScope() {
        return scope;
    }

    public void setScope(Scope scope) {
        this.scope = scope;
    }
}
