package cn.fupin.contracts.areas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

/**
 * The administrative divisions of a county (county → township → village, 6/9/12-digit codes), as shipped in
 * {@code areas/<county>.yaml}. Codes are prefixes of their children's codes, which is what area scopes use.
 */
public final class DivisionTree {

    private final Map<String, Division> byCode;
    private final Division root;

    private DivisionTree(Division root, Map<String, Division> byCode) {
        this.root = root;
        this.byCode = byCode;
    }

    /** The tree of a county, e.g. 350481. */
    @SuppressWarnings("unchecked")
    public static DivisionTree ofCounty(String countyCode) {
        String location = "areas/" + countyCode + ".yaml";
        try (InputStream in = DivisionTree.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalArgumentException("no division tree for county " + countyCode);
            }
            Map<String, Division> byCode = new LinkedHashMap<>();
            Division root = read((Map<String, Object>) new Yaml().load(in), null, byCode);
            return new DivisionTree(root, byCode);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Division read(Map<String, Object> node, String parent, Map<String, Division> byCode) {
        String code = String.valueOf(node.get("code"));
        List<Division> children = new ArrayList<>();
        for (Map<String, Object> child : (List<Map<String, Object>>) node.getOrDefault("children", List.of())) {
            children.add(read(child, code, byCode));
        }
        Division division = new Division(code, (String) node.get("name"), Level.valueOf((String) node.get("level")),
                parent, Boolean.TRUE.equals(node.get("poorVillage")), List.copyOf(children));
        byCode.put(code, division);
        return division;
    }

    public Division root() {
        return root;
    }

    public Optional<Division> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Whether the code is a village of this county (households live in villages). */
    public boolean isVillage(String code) {
        return find(code).map(division -> division.level() == Level.VILLAGE).orElse(false);
    }

    public List<Division> all() {
        return List.copyOf(byCode.values());
    }

    public enum Level {
        COUNTY, TOWNSHIP, VILLAGE
    }

    /**
     * One division.
     *
     * @param poorVillage whether a village is a registered poor village (贫困村)
     */
    public record Division(String code, String name, Level level, String parentCode, boolean poorVillage,
            List<Division> children) {
    }
}
