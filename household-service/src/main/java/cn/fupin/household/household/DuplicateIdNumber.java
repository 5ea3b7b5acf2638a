package cn.fupin.household.household;

import cn.fupin.platform.web.ApiException;

/** An ID number may be held by one active member in the whole registry (the database's unique index). */
final class DuplicateIdNumber {

    private DuplicateIdNumber() {
    }

    static ApiException conflict() {
        return ApiException.conflict("duplicate-id-number", "证件号码已属于登记在册的另一名成员 (A4)");
    }
}
