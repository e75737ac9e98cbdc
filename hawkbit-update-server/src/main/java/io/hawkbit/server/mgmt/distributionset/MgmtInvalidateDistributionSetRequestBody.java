package io.hawkbit.server.mgmt.distributionset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * hawkBit's body of {@code POST …/invalidate}: {@code actionCancelationType} {@code none}, {@code soft} or
 * {@code force}; hawkBit 0.x's {@code cancelRollouts} (stop the rollouts even without canceling actions) is accepted.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtInvalidateDistributionSetRequestBody(
        @NotNull @Pattern(regexp = "(?i)none|soft|force") String actionCancelationType, Boolean cancelRollouts) {}
