package cn.fupin.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Noto Sans SC (Google's build of 思源黑体, SIL Open Font License 1.1) with TrueType outlines, from the Maven Central
 * artifact {@code com.helger.font:ph-fonts-noto-sans-sc} (ADR 0006; an optional dependency of the platform, declared
 * by each service that writes PDFs): a fresh machine gets it from the build, not from installed fonts. PDFBox subsets and embeds TrueType outlines only, which is why the CFF-outlined OTF
 * originals would not do. The file is read once; each document parses its own copy, because embedding the subset
 * closes the parsed font.
 */
public class CjkFonts {

    static final String REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    public Face regular(PDDocument document) {
        return load(document, REGULAR);
    }

    public Face bold(PDDocument document) {
        return load(document, BOLD);
    }

    private Face load(PDDocument document, String path) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(files.computeIfAbsent(path,
                    CjkFonts::read)));
            return new Face(PDType0Font.load(document, font, true), font.getUnicodeCmapLookup());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] read(String path) {
        try (InputStream in = CjkFonts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font " + path + " is not on the classpath (ph-fonts-noto-sans-sc)");
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
