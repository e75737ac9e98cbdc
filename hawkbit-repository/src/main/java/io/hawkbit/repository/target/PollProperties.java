package io.hawkbit.repository.target;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How device polls are recorded. */
@Validated
@ConfigurationProperties("hawkbit.poll")
public class PollProperties {

    /**
     * Polls are recorded in memory and written in one batch this often, instead of one UPDATE per poll: a target's
     * last poll time and address shown by the Management API may lag by up to this much.
     */
    @NotNull
    @DurationMin(millis = 1)
    private Duration writeInterval = Duration.ofSeconds(2);

    public Duration getWriteInterval() {
        return writeInterval;
    }

    public void setWriteInterval(Duration writeInterval) {
        this.writeInterval = writeInterval;
    }
}
