package cn.fupin.platform.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A font embedded in one document, with what laying out Chinese text needs: widths, line breaking (between any two
 * characters, never inside a run of digits or Latin letters, closing punctuation never starting a line) and a
 * stand-in for a character the font lacks, so an odd character in imported data cannot break the report.
 */
public record Face(PDType0Font font, CmapLookup cmap) {

    private static final String CLOSING = "，。、；：？！）》」』”’%)";

    /** The text with every character the font has no glyph for shown as "?". */
    public String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(cmap.getGlyphId(c) == 0 ? '?' : c));
        return shown.toString();
    }

    public float width(String printable, float size) {
        try {
            return font.getStringWidth(printable) / 1000 * size;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Lines of at most {@code width} points; the first may be narrower by {@code indent}. */
    public List<String> wrap(String text, float size, float width, float indent) {
        String shown = printable(text);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < shown.length()) {
            float room = (lines.isEmpty() ? width - indent : width);
            int end = start;
            while (end < shown.length()) {
                int next = end + Character.charCount(shown.codePointAt(end));
                if (end > start && width(shown.substring(start, next), size) > room
                        && CLOSING.indexOf(shown.charAt(end)) < 0) {
                    break;
                }
                end = next;
            }
            if (end < shown.length()) {
                end = keepWordTogether(shown, start, end);
            }
            lines.add(shown.substring(start, end));
            start = end;
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    /** Moves a break that would split "4000.00" or a Latin word to the word's start, if the word is not the line. */
    private static int keepWordTogether(String text, int start, int end) {
        if (!isWord(text.charAt(end))) {
            return end;
        }
        int wordStart = end;
        while (wordStart > start && isWord(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        return wordStart > start ? wordStart : end;
    }

    private static boolean isWord(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }
}
