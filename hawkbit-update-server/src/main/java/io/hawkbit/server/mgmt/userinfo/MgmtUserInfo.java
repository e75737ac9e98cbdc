package io.hawkbit.server.mgmt.userinfo;

import java.util.List;

/** hawkBit's user info: the caller's tenant, name and granted authorities (its {@code permissions}). */
record MgmtUserInfo(String tenant, String username, List<String> permissions) {}
