package cn.fupin.reporting.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * 账账相符: every key either side counts, compared; a key one side lacks counts zero there. Balanced when no
 * difference is left and every owner answered.
 */
record Reconciliation(List<Item> items, List<String> unavailable) {

    record Item(String owner, String key, long reported, long owned) {

        long difference() {
            return reported - owned;
        }
    }

    boolean balanced() {
        return unavailable.isEmpty() && items.stream().allMatch(item -> item.difference() == 0);
    }

    static List<Item> compare(String owner, Map<String, Long> reported, Map<String, Long> owned) {
        List<Item> items = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(reported.keySet());
        keys.addAll(owned.keySet());
        for (String key : keys) {
            items.add(new Item(owner, key, reported.getOrDefault(key, 0L), owned.getOrDefault(key, 0L)));
        }
        return items;
    }
}
