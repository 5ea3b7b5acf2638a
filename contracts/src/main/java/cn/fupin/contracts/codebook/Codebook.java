package cn.fupin.contracts.codebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

/**
 * The official code lists of the national indicators for one year (指标编码表), as shipped in
 * {@code codebook/codebook-<year>.yaml}: the single source of valid codes and their Chinese labels.
 */
public final class Codebook {

    private final String version;
    private final Map<String, CodeList> lists;
    private final Map<String, Map<String, Object>> parameters;

    private Codebook(String version, Map<String, CodeList> lists, Map<String, Map<String, Object>> parameters) {
        this.version = version;
        this.lists = lists;
        this.parameters = parameters;
    }

    /** The code lists of a year, e.g. 2020. */
    @SuppressWarnings("unchecked")
    public static Codebook forYear(int year) {
        String location = "codebook/codebook-" + year + ".yaml";
        try (InputStream in = Codebook.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalArgumentException("no codebook for " + year);
            }
            Map<String, Object> document = new Yaml().load(in);
            Map<String, CodeList> lists = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) document.get("lists")).forEach((name, list) -> lists.put(name,
                    new CodeList(name, (String) list.get("indicator"), (String) list.get("field"),
                            Boolean.TRUE.equals(list.get("multi")),
                            (Map<String, String>) list.getOrDefault("options", Map.of()))));
            return new Codebook(String.valueOf(document.get("version")), lists,
                    (Map<String, Map<String, Object>>) document.getOrDefault("parameters", Map.of()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String version() {
        return version;
    }

    public List<CodeList> lists() {
        return List.copyOf(lists.values());
    }

    /** A list by its name, e.g. {@code A5_relation}. */
    public CodeList list(String name) {
        CodeList list = lists.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no code list " + name);
        }
        return list;
    }

    /**
     * A parameter the codebook gives for a year, such as 2020's {@code poverty_line_yuan_per_person}: the seed work
     * plan's figures. The figures in force are the city office's, published with each year's work plan.
     */
    public Optional<Object> parameter(String year, String name) {
        return Optional.ofNullable(parameters.getOrDefault(year, Map.of()).get(name));
    }

    /**
     * One code list.
     *
     * @param name e.g. {@code A2_gender}
     * @param indicator the indicator it codes, e.g. {@code A2}; null for shared lists
     * @param field the national field code, e.g. {@code AAB003}
     * @param multi whether several codes may be chosen
     * @param options code to Chinese label, in display order
     */
    public record CodeList(String name, String indicator, String field, boolean multi, Map<String, String> options) {

        public boolean contains(String code) {
            return code != null && options.containsKey(code);
        }

        public String label(String code) {
            return options.get(code);
        }
    }
}
