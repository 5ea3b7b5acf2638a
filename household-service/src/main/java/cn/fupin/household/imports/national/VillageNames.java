package cn.fupin.household.imports.national;

import java.util.HashMap;
import java.util.Map;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.household.imports.table.CellValues;

/**
 * The villages of an export by their names: 乡 and 村 as the national registry writes them (县, when given, must be
 * this county), compared as {@link CellValues#text} compares cells.
 */
final class VillageNames {

    private final DivisionTree.Division county;
    private final Map<String, DivisionTree.Division> townships = new HashMap<>();
    private final Map<String, String> villages = new HashMap<>();

    VillageNames(DivisionTree divisions) {
        county = divisions.root();
        for (DivisionTree.Division township : county.children()) {
            townships.put(CellValues.text(township.name()), township);
            for (DivisionTree.Division village : township.children()) {
                villages.put(township.code() + "/" + CellValues.text(village.name()), village.code());
            }
        }
    }

    String village(String countyName, String townshipName, String villageName, String scope) {
        String countyText = CellValues.text(countyName);
        if (!countyText.isEmpty() && !countyText.equals(CellValues.text(county.name()))) {
            throw new IllegalArgumentException("县“" + countyName.strip() + "”不是本市（" + county.name() + "）");
        }
        DivisionTree.Division township = townships.get(CellValues.text(townshipName));
        if (township == null) {
            throw new IllegalArgumentException("乡镇“" + townshipName.strip() + "”不在" + county.name() + "的区划中");
        }
        String code = villages.get(township.code() + "/" + CellValues.text(villageName));
        if (code == null) {
            throw new IllegalArgumentException("村“" + villageName.strip() + "”不在" + township.name() + "的区划中");
        }
        if (!code.startsWith(scope)) {
            throw new IllegalArgumentException(township.name() + villageName.strip() + "不在导入人的区划范围内");
        }
        return code;
    }
}
