package cn.fupin.household.imports.national;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The columns of the national registry's whole-county export that an import reads, with the header spellings met
 * over the years ({@code imports/national-registry-columns.yaml}).
 */
public final class NationalColumns {

    /** One field of the export. */
    public record Column(String field, boolean householdLevel, String list, String indicator, boolean required,
            List<String> headers) {

        /** The header it is exported under. */
        public String header() {
            return headers.getFirst();
        }
    }

    private static final NationalColumns INSTANCE = load("imports/national-registry-columns.yaml");

    private final Map<String, Column> byField;
    private final Map<String, Column> byHeader = new HashMap<>();

    private NationalColumns(Map<String, Column> byField) {
        this.byField = byField;
        byField.values().forEach(column -> column.headers().forEach(header -> byHeader.put(key(header), column)));
    }

    public static NationalColumns get() {
        return INSTANCE;
    }

    public List<Column> all() {
        return List.copyOf(byField.values());
    }

    public Column column(String field) {
        Column column = byField.get(field);
        if (column == null) {
            throw new IllegalArgumentException("no column " + field);
        }
        return column;
    }

    /** The column a header names, whatever its spelling; null when it is none the import reads. */
    Column byHeader(String header) {
        return byHeader.get(key(header));
    }

    /** Headers compared as text: NFKC (full-width brackets become ASCII), no spaces. */
    static String key(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    @SuppressWarnings("unchecked")
    private static NationalColumns load(String location) {
        try (InputStream in = NationalColumns.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException(location + " is not on the classpath");
            }
            Map<String, Map<String, Object>> raw = new Yaml().load(in);
            Map<String, Column> columns = new LinkedHashMap<>();
            raw.forEach((field, spec) -> columns.put(field, new Column(field, "household".equals(spec.get("level")),
                    (String) spec.get("list"), (String) spec.get("indicator"),
                    Boolean.TRUE.equals(spec.get("required")),
                    new ArrayList<>(((List<Object>) spec.get("headers")).stream().map(String::valueOf).toList()))));
            return new NationalColumns(columns);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
