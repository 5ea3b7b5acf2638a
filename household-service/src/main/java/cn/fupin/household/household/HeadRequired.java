package cn.fupin.household.household;

import org.springframework.http.HttpStatus;

import cn.fupin.platform.web.ApiException;

/** A household has exactly one 户主 (A5 = 01): a change that would leave none or two is refused. */
final class HeadRequired {

    private HeadRequired() {
    }

    static ApiException refused(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "household-head-required", "须恰有一名户主", detail);
    }
}
