package io.hawkbit.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** hawkBit's error body: clients match on {@code errorCode}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ExceptionInfo(String exceptionClass, String errorCode, String message) {}
