package cn.fupin.platform.security;

import java.util.regex.Pattern;

/**
 * The part of the city a caller may see: a division-code prefix (6 digits county, 9 township, 12 village).
 * Anything outside it does not exist for the caller (404, never 403), so ids cannot be probed.
 */
public record AreaScope(String prefix) {

    private static final Pattern CODE = Pattern.compile("^(\\d{6}|\\d{9}|\\d{12})$");

    /** The whole registry, for the system's own work. */
    public static final AreaScope ALL = new AreaScope("");

    /** The scope of an {@code area_code} claim; a token without a valid one sees nothing. */
    public static AreaScope of(String areaCode) {
        if (areaCode == null || !CODE.matcher(areaCode).matches()) {
            throw new MissingAreaException();
        }
        return new AreaScope(areaCode);
    }

    /** Whether the division code (of a village, township or county) lies inside this scope. */
    public boolean covers(String divisionCode) {
        return divisionCode != null && divisionCode.startsWith(prefix);
    }

    /**
     * Narrows a requested area filter to this scope: no filter means the whole scope, a filter inside the
     * scope is kept, a filter outside it is refused.
     */
    public String narrow(String requested) {
        if (requested == null || requested.isBlank()) {
            return prefix;
        }
        if (requested.startsWith(prefix)) {
            return requested;
        }
        if (prefix.startsWith(requested)) {
            return prefix;
        }
        throw new OutOfScopeException(requested);
    }

    /** The token carries no usable {@code area_code} claim. */
    public static class MissingAreaException extends RuntimeException {
        MissingAreaException() {
            super("令牌缺少有效的行政区划代码 (area_code)");
        }
    }

    /** A requested area lies outside the caller's scope. */
    public static class OutOfScopeException extends RuntimeException {
        OutOfScopeException(String requested) {
            super("区域 " + requested + " 不在调用者的管辖范围内");
        }
    }
}
