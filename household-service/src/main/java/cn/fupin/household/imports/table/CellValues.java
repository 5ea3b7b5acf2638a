package cn.fupin.household.imports.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.fupin.contracts.codebook.Codebook;

/**
 * Reads cells as clerks and the national system write them: full-width digits and letters, stray spaces, codes or
 * their Chinese labels (与户主关系 = 之子 or 子 or 03), 是/否 or 1/0, dates as 1990-01-02, 1990/1/2, 19900102 or
 * 1990年1月2日, several codes in one cell separated by 、 , ; or /.
 */
public final class CellValues {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\D+(\\d{1,2})\\D+(\\d{1,2})\\D*");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\D*.*");
    private static final Pattern SEPARATORS = Pattern.compile("[、,;/|\\s]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** What an amount's cell may hold besides the number: thousands separators, spaces, its unit. */
    private static final Pattern AMOUNT_NOISE = Pattern.compile("[,\\s]|元|亩|平方米|M2|公里|KM");

    private final Map<String, Map<String, String>> codesByList = new HashMap<>();

    public CellValues(Codebook codebook) {
        for (Codebook.CodeList list : codebook.lists()) {
            Map<String, String> codes = new HashMap<>();
            list.options().forEach((code, label) -> {
                codes.put(text(code), code);
                codes.put(text(label), code);
                if (label.startsWith("之") && label.length() > 1) {
                    codes.putIfAbsent(text(label.substring(1)), code);
                }
                if (label.endsWith("族") && label.length() > 1) {
                    codes.putIfAbsent(text(label.substring(0, label.length() - 1)), code);
                }
            });
            codesByList.put(list.name(), codes);
        }
        Map<String, String> yesNo = codesByList.computeIfAbsent("yes_no", name -> new HashMap<>());
        for (String yes : List.of("是", "1", "Y", "YES", "√", "有")) {
            yesNo.put(text(yes), "1");
        }
        for (String no : List.of("否", "0", "N", "NO", "×", "无")) {
            yesNo.put(text(no), "0");
        }
    }

    /** The cell as text to compare: NFKC (full-width becomes ASCII), trimmed, upper-case Latin letters. */
    public static String text(String cell) {
        if (cell == null) {
            return "";
        }
        return Normalizer.normalize(cell, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }

    /** The cell as written, NFKC-normalised and trimmed (names, places); null when blank. */
    public static String plain(String cell) {
        String value = cell == null ? "" : Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
        return value.isEmpty() ? null : value;
    }

    /** An ID number: no spaces, the check letter upper-case; null when blank. */
    public static String idNumber(String cell) {
        String value = SPACES.matcher(text(cell)).replaceAll("");
        return value.isEmpty() ? null : value;
    }

    /** The code a cell names in a codebook list, by code or label; null when blank; throws when it names none. */
    public String code(String list, String cell) {
        String value = text(cell);
        if (value.isEmpty()) {
            return null;
        }
        Map<String, String> codes = codesByList.getOrDefault(list, Map.of());
        String code = codes.get(value);
        if (code == null && value.matches("\\d")) {
            code = codes.get("0" + value);
        }
        if (code == null) {
            throw new IllegalArgumentException("不是代码表中的代码或名称：" + cell.strip());
        }
        return code;
    }

    /** 是 or 否 (1/0, Y/N, √/×); null when blank; throws when it is neither. */
    public Boolean yesNo(String cell) {
        String code = code("yes_no", cell);
        return code == null ? null : "1".equals(code);
    }

    /** Each code of a multi-valued cell; empty when blank; throws when one names none. */
    public List<String> codes(String list, String cell) {
        List<String> codes = new ArrayList<>();
        for (String part : SEPARATORS.split(text(cell))) {
            if (!part.isEmpty()) {
                codes.add(code(list, part));
            }
        }
        return codes;
    }

    /** A date in any of the usual spellings; empty when blank; throws when it is none. */
    public static Optional<LocalDate> date(String cell) {
        String value = text(cell);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Matcher parts = DATE.matcher(value);
            if (parts.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                        Integer.parseInt(parts.group(3))));
            }
            Matcher compact = COMPACT_DATE.matcher(value);
            if (compact.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(compact.group(1)),
                        Integer.parseInt(compact.group(2)), Integer.parseInt(compact.group(3))));
            }
            return Optional.of(LocalDate.parse(value));
        }
        catch (java.time.DateTimeException ex) {
            throw new IllegalArgumentException("不是有效的日期：" + cell);
        }
    }

    /** A year (2016, 2016年, 2016-12-31): its first four digits; empty when blank; throws when it has none. */
    public static Optional<Integer> year(String cell) {
        String value = text(cell);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Matcher year = YEAR.matcher(value);
        if (!year.matches()) {
            throw new IllegalArgumentException("不是年份：" + cell);
        }
        return Optional.of(Integer.parseInt(year.group(1)));
    }

    /**
     * An amount not below zero (1200, 1,200.5, 1200元, 3.5亩), to two places, half up; empty when blank; throws when
     * it is no number or is negative.
     */
    public static Optional<BigDecimal> amount(String cell) {
        String value = AMOUNT_NOISE.matcher(text(cell)).replaceAll("");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("不能为负数：" + cell.strip());
            }
            return Optional.of(amount.setScale(2, RoundingMode.HALF_UP));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("不是数字：" + cell.strip());
        }
    }

    /** A whole number (6, 6个月); empty when blank; throws when it is none. */
    public static Optional<Integer> count(String cell) {
        String value = text(cell);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of((int) Math.round(Double.parseDouble(value.replaceAll("[^0-9.]", ""))));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("不是数字：" + cell);
        }
    }
}
