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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import cn.fupin.platform.pii.PersonalDataCipher;
import cn.fupin.platform.pii.SealedColumn;
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
 * body is refused (422). Server errors are not kept, so a retry after one runs again. The kept body is encrypted
 * ({@link PersonalDataCipher}). File uploads (any body not JSON, or beyond a mebibyte) pass untouched: the imports that
 * take them are idempotent by their content.
 *
 * <p>The key's claim, the request's effects and the kept answer are one transaction, which the application's own
 * joins: either all are committed, and a retry is told the kept answer, or none is, and a retry runs again. The
 * client is answered after the commit only. A retry while the first request runs waits on the claim's row until that
 * transaction ends. A service killed in the middle leaves nothing behind: its transaction ends with its connection
 * (a claim committed ahead of the request, as before, stayed "in progress" for ever and refused every retry: found by
 * the fault tests, {@code ServiceCrashFaultTests}).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /**
     * Where the kept answers are sealed, bound to their caller and key: the one statement of that binding, for sealing
     * them here and again after a key rotation (Resealing).
     */
    public static final SealedColumn KEPT_ANSWERS = SealedColumn.bound("idempotent_request", "body",
            "idempotent_request", "principal", "idempotency_key");

    public static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Pattern ACCEPTED = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final JsonMapper mapper;
    private final PersonalDataCipher cipher;

    public IdempotencyFilter(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper mapper,
            PersonalDataCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mapper = mapper;
    }

    /** Bodies beyond this (file uploads) are not kept: they are not read into memory to be compared. */
    static final long LARGEST_KEPT_BODY = 1 << 20;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        boolean upload = request.getContentLengthLong() > LARGEST_KEPT_BODY || type != null && !type.contains("json");
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
        TransactionStatus transaction;
        try {
            transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        }
        catch (TransactionException ex) {
            unavailable(response, ex);
            return;
        }
        int claimed;
        try {
            claimed = jdbc.update("""
                    insert into idempotent_request (principal, idempotency_key, request_hash, state)
                    values (?, ?, ?, 'IN_PROGRESS') on conflict do nothing""", principal, key, hash);
        }
        catch (DataAccessException ex) {
            rollback(transaction);
            unavailable(response, ex);
            return;
        }
        if (claimed == 0) {
            rollback(transaction);
            replay(principal, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new ReplayableRequest(request, body), recorded);
        }
        catch (IOException | ServletException | RuntimeException ex) {
            rollback(transaction);
            throw ex;
        }
        if (recorded.getStatus() >= 500 || transaction.isRollbackOnly()) {
            rollback(transaction);
            if (recorded.getStatus() < 500) {
                keep(principal, key, hash, recorded);
            }
        }
        else {
            try {
                jdbc.update("""
                        update idempotent_request set state = 'DONE', status = ?, content_type = ?, location = ?,
                            etag = ?, body = ? where principal = ? and idempotency_key = ?""",
                        recorded.getStatus(), recorded.getContentType(), recorded.getHeader("Location"),
                        recorded.getHeader("ETag"), sealed(recorded.getContentAsByteArray(), principal, key),
                        principal, key);
                transactions.commit(transaction);
            }
            catch (DataAccessException | TransactionException ex) {
                rollback(transaction);
                response.reset();
                unavailable(response, ex);
                return;
            }
        }
        recorded.copyBodyToResponse();
    }

    /**
     * The database gave up before the answer was kept: the caller is told to try again, never the answer of a
     * request whose commit is not known to have happened.
     */
    private void unavailable(HttpServletResponse response, RuntimeException cause) throws IOException {
        log.warn("Idempotent request not completed: {}", cause.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        Problems.write(response, Problems.databaseUnavailable(), mapper);
    }

    /** Ends the transaction unless it has ended; a connection already lost has rolled it back by itself. */
    private void rollback(TransactionStatus transaction) {
        if (transaction.isCompleted()) {
            return;
        }
        try {
            transactions.rollback(transaction);
        }
        catch (TransactionException | DataAccessException ex) {
            log.debug("Rollback on a lost connection: {}", ex.toString());
        }
    }

    /**
     * A refusal whose request's work was rolled back, kept by itself to be replayed; not kept if the database is out of
     * reach (a retry then runs again, and is refused again).
     */
    private void keep(String principal, String key, String hash, ContentCachingResponseWrapper recorded) {
        try {
            jdbc.update("""
                    insert into idempotent_request (principal, idempotency_key, request_hash, state, status,
                        content_type, location, etag, body) values (?, ?, ?, 'DONE', ?, ?, ?, ?, ?)
                    on conflict do nothing""", principal, key, hash, recorded.getStatus(), recorded.getContentType(),
                    recorded.getHeader("Location"), recorded.getHeader("ETag"),
                    sealed(recorded.getContentAsByteArray(), principal, key));
        }
        catch (DataAccessException ex) {
            log.warn("Refusal of an idempotent request not kept: {}", ex.toString());
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
        return KEPT_ANSWERS.associated().of(null, List.of(principal, key));
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
