package io.hawkbit.server.mgmt.target;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** hawkBit's optional body of {@code POST .../autoConfirm/activate}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MgmtTargetAutoConfirmUpdate(String initiator, String remark) {}
