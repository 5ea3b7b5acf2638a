package cn.fupin.platform.testing.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Strings matching the simple patterns the contracts use: anchored alternatives of character classes with
 * counts, such as {@code ^\d{6,12}$}, {@code ^(\d{6}|\d{9}|\d{12})$}, {@code ^[0-9+\- ]{5,20}$} or
 * {@code ^[1-8]$}. A pattern outside that shape is refused loudly, so a new one is noticed.
 */
final class PatternStrings {

    /** One atom ({@code \d}, a class, a letter or digit) with its count, if any. */
    private static final Pattern ATOM = Pattern
            .compile("(\\\\d|\\[(?:\\\\.|[^\\]])+]|[a-zA-Z0-9])(\\{(\\d+)(?:,(\\d+))?})?");

    private PatternStrings() {
    }

    static Arbitrary<String> matching(String regex) {
        String body = regex.replaceFirst("^\\^", "").replaceFirst("\\$$", "");
        if (body.startsWith("(") && body.endsWith(")")) {
            body = body.substring(1, body.length() - 1);
        }
        List<Arbitrary<String>> alternatives = new ArrayList<>();
        for (String alternative : body.split("\\|")) {
            alternatives.add(sequence(alternative, regex));
        }
        return Arbitraries.oneOf(alternatives);
    }

    private static Arbitrary<String> sequence(String alternative, String regex) {
        Matcher atoms = ATOM.matcher(alternative);
        List<Arbitrary<String>> parts = new ArrayList<>();
        int at = 0;
        while (atoms.find() && atoms.start() == at) {
            int min = atoms.group(3) == null ? 1 : Integer.parseInt(atoms.group(3));
            int max = atoms.group(4) == null ? min : Integer.parseInt(atoms.group(4));
            parts.add(Arbitraries.strings().withChars(chars(atoms.group(1))).ofMinLength(min).ofMaxLength(max));
            at = atoms.end();
        }
        if (at != alternative.length()) {
            throw new IllegalArgumentException("pattern " + regex + " is not of the simple shape this generator knows");
        }
        return Combinators.combine(parts).as(strings -> String.join("", strings));
    }

    private static char[] chars(String atom) {
        if (atom.equals("\\d")) {
            return "0123456789".toCharArray();
        }
        if (!atom.startsWith("[")) {
            return atom.toCharArray();
        }
        StringBuilder chars = new StringBuilder();
        String inside = atom.substring(1, atom.length() - 1);
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '\\') {
                chars.append(inside.charAt(++i));
            }
            else if (i + 2 < inside.length() && inside.charAt(i + 1) == '-') {
                for (char r = c; r <= inside.charAt(i + 2); r++) {
                    chars.append(r);
                }
                i += 2;
            }
            else {
                chars.append(c);
            }
        }
        return chars.toString().toCharArray();
    }
}
