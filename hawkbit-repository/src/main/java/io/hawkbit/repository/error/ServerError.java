package io.hawkbit.repository.error;

/** hawkBit's error keys, kept verbatim (typos included) because clients match on them. */
public enum ServerError {
    ENTITY_NOT_FOUND("hawkbit.server.error.repo.entitiyNotFound", "The given entity does not exist in the repository"),
    ENTITY_ALREADY_EXISTS(
            "hawkbit.server.error.repo.entitiyAlreayExists", "The given entity already exists in the repository"),
    CONCURRENT_MODIFICATION(
            "hawkbit.server.error.repo.concurrentModification", "The entity was modified concurrently, try again"),
    CONSTRAINT_VIOLATION(
            "hawkbit.server.error.repo.constraintViolation",
            "The given entity cannot be saved due to constraint violation"),
    BODY_NOT_READABLE("hawkbit.server.error.rest.body.notReadable", "The given request body is not well formed"),
    PARAM_INVALID("hawkbit.server.error.rest.param.invalid", "The given request parameter is invalid"),
    RSQL_SYNTAX("hawkbit.server.error.rest.param.rsqlParamSyntax", "The RSQL search syntax is not valid"),
    RSQL_FIELD("hawkbit.server.error.rest.param.rsqlInvalidField", "The given search parameter field does not exist"),
    SORT_INVALID("hawkbit.server.error.rest.param.sortParamSyntax", "The given sort parameter is not valid"),
    SORT_FIELD("hawkbit.server.error.rest.param.invalidField", "The given sort field is not valid"),
    SORT_DIRECTION("hawkbit.server.error.rest.param.invalidDirection", "The given sort direction is not valid"),
    ACTION_NOT_CANCELABLE(
            "hawkbit.server.error.action.notCancelable",
            "Only active actions which are in status pending are cancelable"),
    ACTION_NOT_FORCE_QUITABLE(
            "hawkbit.server.error.action.notForceQuitable", "Only canceling actions can be force quit"),
    ACTION_NOT_ACTIVE("hawkbit.server.error.repo.actionNotActive", "The action is not active anymore"),
    ACTION_NOT_WAITING_CONFIRMATION(
            "hawkbit.server.confirmation.feedback.invalid", "The action is not waiting for confirmation"),
    AUTO_CONFIRMATION_ALREADY_ACTIVE(
            "hawkbit.server.error.repo.autoConfAlreadyActive", "Auto confirmation is already active"),
    DS_INCOMPLETE(
            "hawkbit.server.error.distributionset.incomplete",
            "Distribution set is incomplete: a mandatory module is missing"),
    DS_INVALID("hawkbit.server.error.distributionset.invalid", "An invalidated distribution set cannot be deployed"),
    DS_TYPE_UNDEFINED("hawkbit.server.error.distributionset.type.undefined", "Distribution set type is not defined"),
    DS_MODULE_UNSUPPORTED(
            "hawkbit.server.error.distributionset.modules.unsupported",
            "The module type is not supported by the distribution set type"),
    ROLLOUT_ILLEGAL_STATE(
            "hawkbit.server.error.rollout.illegalstate",
            "The rollout is in the wrong state for the requested operation"),
    TARGET_TYPE_IN_USE("hawkbit.server.error.target.type.used", "Target type is still in use by a target"),
    TARGET_TYPE_INCOMPATIBLE(
            "hawkbit.server.error.target.type.incompatible",
            "Target type of target is not compatible with distribution set"),
    TARGET_TYPE_KEY_OR_NAME_REQUIRED(
            "hawkbit.server.error.target.type.keyOrNameRequired", "Target type key or name is required"),
    ENTITY_LOCKED("hawkbit.server.error.entitiylocked", "The entity is locked and cannot be modified"),
    ENTITY_READ_ONLY("hawkbit.server.error.entityreadonly", "The entity cannot be modified"),
    ARTIFACT_UPLOAD_FAILED("hawkbit.server.error.artifact.uploadFailed", "Upload of artifact failed"),
    /** hawkBit answers a missing binary with this key and 404; here also a damaged one. */
    ARTIFACT_LOAD_FAILED("hawkbit.server.error.artifact.loadFailed", "Load of artifact failed"),
    ARTIFACT_SHA1_MISMATCH(
            "hawkbit.server.error.artifact.uploadFailed.checksum.sha1.match",
            "The given SHA-1 does not match the uploaded artifact"),
    ARTIFACT_MD5_MISMATCH(
            "hawkbit.server.error.artifact.uploadFailed.checksum.md5.match",
            "The given MD5 does not match the uploaded artifact"),
    ARTIFACT_SHA256_MISMATCH(
            "hawkbit.server.error.artifact.uploadFailed.checksum.sha256.match",
            "The given SHA-256 does not match the uploaded artifact"),
    FILE_SIZE_QUOTA("hawkbit.server.error.quota.fileSizeExceeded", "The file size quota was exceeded"),
    QUOTA_EXCEEDED("hawkbit.server.error.quota.tooManyEntries", "A quota was exceeded"),
    /** hawkBit's quota key, but 400 rather than 403: the request itself is too large, repeating it never helps. */
    BATCH_QUOTA_EXCEEDED("hawkbit.server.error.quota.tooManyEntries", "Too many entries in one request"),
    MAINTENANCE_SCHEDULE_INVALID(
            "hawkbit.server.error.maintenanceScheduleInvalid",
            "Information for schedule, duration or timezone is missing; or there is no valid maintenance window"
                    + " available in future."),
    CONFIG_VALUE_INVALID("hawkbit.server.error.configValueInvalid", "The given configuration value is invalid"),
    CONFIG_VALUE_CHANGE_NOT_ALLOWED(
            "hawkbit.server.error.repo.tenantConfigurationValueChangeNotAllowed",
            "The requested tenant configuration value modification is not allowed"),
    MULTIASSIGNMENT_NOT_ENABLED(
            "hawkbit.server.error.multiassignmentNotEnabled",
            "The requested operation requires multi assignments to be enabled"),
    CONFIG_KEY_INVALID("hawkbit.server.error.configKeyInvalid", "The given configuration key is not known"),
    METHOD_NOT_ALLOWED(
            "hawkbit.server.error.rest.method.notAllowed", "The HTTP method is not allowed on this resource"),
    MEDIA_TYPE_UNSUPPORTED("hawkbit.server.error.rest.mediaType.unsupported", "The media type is not supported"),
    NOT_ACCEPTABLE("hawkbit.server.error.rest.notAcceptable", "The requested media type cannot be produced"),
    UNAUTHORIZED("hawkbit.server.error.unauthorized", "Authentication is required"),
    FORBIDDEN("hawkbit.server.error.insufficientpermission", "Insufficient permissions"),
    TOO_MANY_REQUESTS("hawkbit.server.error.tooManyRequests", "Too many requests"),
    PRECONDITION_FAILED("hawkbit.server.error.preconditionFailed", "A precondition of the request does not hold"),
    RANGE_NOT_SATISFIABLE("hawkbit.server.error.rangeNotSatisfiable", "The requested range is not satisfiable"),
    PAYLOAD_TOO_LARGE("hawkbit.server.error.payloadTooLarge", "The request is too large"),
    INTERNAL("hawkbit.server.error.internal", "Internal server error");

    private final String key;
    private final String message;

    ServerError(String key, String message) {
        this.key = key;
        this.message = message;
    }

    public String key() {
        return key;
    }

    public String message() {
        return message;
    }
}
