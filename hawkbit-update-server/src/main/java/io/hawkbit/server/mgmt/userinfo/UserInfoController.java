package io.hawkbit.server.mgmt.userinfo;

import io.hawkbit.server.mgmt.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * hawkBit's {@code GET /rest/v1/userinfo}: who the credentials belong to, a cheap check of them. Any authenticated
 * Management API user may call it.
 */
@RestController
class UserInfoController {

    private final CurrentUser user;

    UserInfoController(CurrentUser user) {
        this.user = user;
    }

    @GetMapping("/rest/v1/userinfo")
    MgmtUserInfo userInfo() {
        return new MgmtUserInfo(user.tenant(), user.name(), user.authorities());
    }
}
