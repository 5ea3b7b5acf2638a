package cn.fupin.review.cases;

import java.time.Instant;
import java.util.UUID;

/** 公示照片: a photo or scan of a round's public notice, kept with the case; its content is fetched apart. */
public record Evidence(UUID id, UUID caseId, int round, String fileName, String contentType, int size, String sha256,
        String uploadedBy, Instant uploadedAt) {
}
