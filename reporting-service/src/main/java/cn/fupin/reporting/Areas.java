package cn.fupin.reporting;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;

/** The division tree as reports use it: names, and the children one level down for drill-down. */
@Component
public class Areas {

    private final DivisionTree divisions;

    Areas(DivisionTree divisions) {
        this.divisions = divisions;
    }

    public String name(String code) {
        return divisions.find(code).map(DivisionTree.Division::name).orElse(null);
    }

    public List<DivisionTree.Division> children(String code) {
        return code.length() >= 12 ? List.of()
                : divisions.find(code).map(DivisionTree.Division::children).orElse(List.of());
    }

    /** The code length of the area's children: townships under a county, villages under a township. */
    public static int childLength(String code) {
        return code.length() == 6 ? 9 : 12;
    }

    public List<DivisionTree.Division> townships() {
        return divisions.root().children();
    }
}
