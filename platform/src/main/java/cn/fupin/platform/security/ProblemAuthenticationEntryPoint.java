package cn.fupin.platform.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import cn.fupin.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as problem details, with the {@code WWW-Authenticate} challenge of RFC 6750. */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper mapper;

    public ProblemAuthenticationEntryPoint(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"fupin\"");
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "未认证",
                "缺少有效的访问令牌，或令牌已过期、签名无效"), mapper);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        Problems.write(response,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权执行此操作", "您的角色不允许执行此操作"), mapper);
    }
}
