package cn.fupin.review.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a notice's evidence may be, told by their first bytes rather than by what the client declares:
 * a JPEG or PNG photo, or a PDF scan.
 */
enum EvidenceFiles {

    JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
    PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }),
    PDF("application/pdf", "pdf", new byte[] { '%', 'P', 'D', 'F', '-' });

    /** 5 MB, as the gateway's body limit. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final String contentType;
    private final String extension;
    private final byte[] signature;

    EvidenceFiles(String contentType, String extension, byte[] signature) {
        this.contentType = contentType;
        this.extension = extension;
        this.signature = signature;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    static Optional<EvidenceFiles> of(byte[] content) {
        return Arrays.stream(values()).filter(kind -> content.length >= kind.signature.length
                && Arrays.equals(content, 0, kind.signature.length, kind.signature, 0, kind.signature.length))
                .findFirst();
    }
}
