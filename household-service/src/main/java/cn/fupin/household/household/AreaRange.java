package cn.fupin.household.household;

/**
 * A caller's area in SQL as a range of a partitioned table's key, {@code :area <= division_code < :area || '~'}
 * (the codes compare byte-wise, migration 32): written in the statement itself, so that the planner plans only the
 * area's partitions. Under row security alone it plans every partition at each call (the ID search: 21 ms of
 * planning against 0.5 ms, docs/benchmarks.md). The statement binds {@code :area} to the caller's prefix.
 */
public final class AreaRange {

    private AreaRange() {
    }

    /** The condition on the division code of the table under this alias. */
    public static String of(String alias) {
        return alias + ".division_code >= :area and " + alias + ".division_code < (:area || '~')";
    }
}
