package cn.fupin.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.fupin.platform.domain.FieldError;

/** Strong entity tags carrying an aggregate's version, for optimistic concurrency over HTTP. */
public final class ETags {

    private ETags() {
    }

    /** The ETag of a version: {@code "7"}. */
    public static String of(Long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names, or null without one; anything else is a 400. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException ex) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "请求数据校验未通过",
                    "If-Match 不是本服务发出的 ETag", List.of(new FieldError("If-Match", null, "格式不正确")));
        }
    }
}
