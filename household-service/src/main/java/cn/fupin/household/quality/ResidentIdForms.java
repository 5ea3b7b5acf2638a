package cn.fupin.household.quality;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.fupin.contracts.identifiers.ResidentId;

/**
 * The numbers (A4) one person may be registered under: his 18-digit 公民身份号码, the 15-digit number it replaced
 * when he was born in the 1900s (GB 11643-1999 added the century and the check character), and the 残疾人证
 * numbers built on it (the 18 digits, then category 1–7 and grade 1–4).
 */
public final class ResidentIdForms {

    private ResidentIdForms() {
    }

    public static Set<String> of(ResidentId id) {
        String full = id.legacy() ? upgraded(id.value()) : id.value();
        Set<String> forms = new LinkedHashSet<>();
        forms.add(full);
        if (full.startsWith("19", 6)) {
            forms.add(full.substring(0, 6) + full.substring(8, 17));
        }
        for (char category = '1'; category <= '7'; category++) {
            for (char grade = '1'; grade <= '4'; grade++) {
                forms.add(full + category + grade);
            }
        }
        return forms;
    }

    private static String upgraded(String legacy) {
        String first17 = legacy.substring(0, 6) + "19" + legacy.substring(6);
        return first17 + ResidentId.checkCharacter(first17);
    }
}
