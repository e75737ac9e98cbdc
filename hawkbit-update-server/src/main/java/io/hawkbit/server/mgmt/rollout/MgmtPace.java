package io.hawkbit.server.mgmt.rollout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.hawkbit.repository.rollout.RolloutPace;

/**
 * This server's rollout pace, as requested and as shown (hawkBit has none): the most open actions at once and the
 * most actions started per minute, each optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtPace(Integer maxRunning, Integer startRate) {

    static MgmtPace of(RolloutPace pace) {
        return pace == null ? null : new MgmtPace(pace.maxRunning(), pace.startRate());
    }

    RolloutPace toPace() {
        return RolloutPace.of(maxRunning, startRate);
    }
}
