package io.hawkbit.server.mgmt.rollout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** hawkBit's {@code dynamicGroupTemplate}: the name suffix and size (target count) of a rollout's dynamic groups. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtDynamicGroupTemplate(String nameSuffix, Long targetCount) {}
