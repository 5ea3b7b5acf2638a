package cn.fupin.review.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/**
 * 公示照片: the village clerk attaches photos or scans of the round's public notice while the case is at the village
 * stage; they stay with the case as evidence, with the hash that shows them unaltered, and anyone who may read the
 * case may fetch them.
 */
@Service
public class PublicityEvidence {

    private static final String COLUMNS = "id, case_id, round, file_name, content_type, size, sha256, uploaded_by,"
            + " uploaded_at";

    private final ReviewCaseStore cases;
    private final JdbcClient jdbc;
    private final Clock clock;

    PublicityEvidence(ReviewCaseStore cases, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Keeps a file for the case's current round.
     *
     * @param declaredType the request's {@code Content-Type}, which the file's own bytes must bear out
     */
    @Transactional
    public Evidence attach(UUID caseId, InputStream file, String declaredType, String fileName, Caller caller) {
        ReviewCase reviewCase = cases.findForUpdate(caseId, caller.scope())
                .orElseThrow(() -> ApiException.notFound("审核案件", caseId));
        reviewCase.requirePublicityRecordableBy(caller);
        byte[] content = read(file);
        if (content.length == 0) {
            throw ApiException.invalid(List.of(new FieldError("body", null, "文件为空")));
        }
        if (content.length > EvidenceFiles.MAX_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "文件过大",
                    "公示照片或扫描件不能超过 5 MB");
        }
        EvidenceFiles kind = EvidenceFiles.of(content).filter(k -> k.contentType().equals(declaredType))
                .orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                        "不支持的文件类型", "公示照片或扫描件须为 JPEG、PNG 或 PDF，且与 Content-Type（" + declaredType
                                + "）一致"));
        Evidence evidence = new Evidence(UUID.randomUUID(), caseId, reviewCase.round(),
                fileName == null || fileName.isBlank() ? "公示照片." + kind.extension() : fileName.strip(),
                kind.contentType(), content.length, sha256(content), caller.userId(), clock.instant());
        jdbc.sql("insert into review_evidence (" + COLUMNS + ", content) values (:id, :case, :round, :name, :type,"
                + " :size, :sha, :by, :at, :content)")
                .param("id", evidence.id()).param("case", caseId).param("round", evidence.round())
                .param("name", evidence.fileName()).param("type", evidence.contentType()).param("size", content.length)
                .param("sha", evidence.sha256()).param("by", evidence.uploadedBy())
                .param("at", Timestamp.from(evidence.uploadedAt())).param("content", content).update();
        return evidence;
    }

    /** The case's evidence, oldest first; the case has been found in the caller's area. */
    public List<Evidence> of(UUID caseId) {
        return jdbc.sql("select " + COLUMNS + " from review_evidence where case_id = :case order by uploaded_at, id")
                .param("case", caseId).query(PublicityEvidence::evidence).list();
    }

    /** A file with its content, if the case is the caller's to read. */
    public Optional<File> file(UUID caseId, UUID evidenceId, Caller caller) {
        if (cases.find(caseId, caller.scope()).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + ", content from review_evidence where case_id = :case and id = :id")
                .param("case", caseId).param("id", evidenceId)
                .query((rs, n) -> new File(evidence(rs, n), rs.getBytes("content"))).optional();
    }

    public record File(Evidence evidence, byte[] content) {
    }

    private static Evidence evidence(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Evidence(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getInt("round"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }

    private static byte[] read(InputStream file) {
        try (file) {
            return file.readNBytes(EvidenceFiles.MAX_BYTES + 1);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }
}
