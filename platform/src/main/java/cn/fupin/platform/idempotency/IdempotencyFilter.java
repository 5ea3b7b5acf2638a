package cn.fupin.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import cn.fupin.platform.pii.PersonalDataCipher;
import cn.fupin.platform.web.Problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs; its response (status, body, Location,
 * ETag) is kept per caller and key and replayed for every retry with the same body. The same key with another
 * body is refused (422), and a retry while the first is still running waits its turn (409). Server errors are
 * not kept, so a retry after one runs again. The kept body is encrypted ({@link PersonalDataCipher}). File uploads
 * (bodies beyond a mebibyte) pass untouched: the imports that take them are idempotent by their content.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern ACCEPTED = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    private final JdbcTemplate jdbc;
    private final JsonMapper mapper;
    private final PersonalDataCipher cipher;

    public IdempotencyFilter(JdbcTemplate jdbc, JsonMapper mapper, PersonalDataCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Bodies beyond this (file uploads) are not kept: they are not read into memory to be compared. */
    static final long LARGEST_KEPT_BODY = 1 << 20;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        boolean upload = length > LARGEST_KEPT_BODY || length < 0 && request.getContentType() != null
                && !request.getContentType().contains("json");
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || upload;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String key = request.getHeader(HEADER);
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (!ACCEPTED.matcher(key).matches()) {
            problem(response, HttpStatus.BAD_REQUEST, "validation-failed", "请求数据校验未通过",
                    "Idempotency-Key 须为 1–64 位字母、数字或 ._:-");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        String principal = caller.getName();
        int claimed = jdbc.update("""
                insert into idempotent_request (principal, idempotency_key, request_hash, state)
                values (?, ?, ?, 'IN_PROGRESS') on conflict do nothing""", principal, key, hash);
        if (claimed == 0) {
            replay(principal, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new ReplayableRequest(request, body), recorded);
            if (recorded.getStatus() < 500) {
                jdbc.update("""
                        update idempotent_request set state = 'DONE', status = ?, content_type = ?, location = ?,
                            etag = ?, body = ? where principal = ? and idempotency_key = ?""",
                        recorded.getStatus(), recorded.getContentType(), recorded.getHeader("Location"),
                        recorded.getHeader("ETag"), sealed(recorded.getContentAsByteArray(), principal, key),
                        principal, key);
                kept = true;
            }
        }
        finally {
            if (!kept) {
                jdbc.update("delete from idempotent_request where principal = ? and idempotency_key = ?", principal,
                        key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void replay(String principal, String key, String hash, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select request_hash, state, status, content_type, location, etag, body from idempotent_request
                where principal = ? and idempotency_key = ?""", principal, key);
        if (rows.isEmpty()) {
            problem(response, HttpStatus.CONFLICT, "request-in-progress", "请求正在处理", "同一 Idempotency-Key 的请求刚刚失败，请重试");
            return;
        }
        Map<String, Object> row = rows.getFirst();
        if (!hash.equals(row.get("request_hash"))) {
            problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "幂等键已被使用",
                    "Idempotency-Key " + key + " 已用于另一内容不同的请求");
            return;
        }
        if (!"DONE".equals(row.get("state"))) {
            problem(response, HttpStatus.CONFLICT, "request-in-progress", "请求正在处理",
                    "同一 Idempotency-Key 的请求仍在处理中，请稍后重试");
            return;
        }
        response.setStatus((Integer) row.get("status"));
        setIfPresent(response, "Content-Type", row.get("content_type"));
        setIfPresent(response, "Location", row.get("location"));
        setIfPresent(response, "ETag", row.get("etag"));
        response.setHeader("Idempotency-Replayed", "true");
        if (row.get("body") instanceof byte[] stored) {
            response.getOutputStream().write(cipher.open(stored, context(principal, key)));
        }
    }

    /** A kept answer may show personal data (a registered household's ID numbers): it is stored encrypted. */
    private byte[] sealed(byte[] body, String principal, String key) {
        return cipher.seal(body, context(principal, key));
    }

    private static byte[] context(String principal, String key) {
        return ("idempotent_request\n" + principal + "\n" + key).getBytes(StandardCharsets.UTF_8);
    }

    private void problem(HttpServletResponse response, HttpStatus status, String code, String title, String detail)
            throws IOException {
        Problems.write(response, Problems.of(status, code, title, detail), mapper);
    }

    private static void setIfPresent(HttpServletResponse response, String header, Object value) {
        if (value != null) {
            response.setHeader(header, value.toString());
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The request with its body read once and served again to the application. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was read before the application: synchronous reads only");
                }
            };
        }
    }
}
