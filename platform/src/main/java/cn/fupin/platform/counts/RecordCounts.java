package cn.fupin.platform.counts;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 账账相符, the owner's side: a service counts its own records of an area in the keys reporting counts its read
 * models by ({@code CountKeys} in contracts). A service that declares one answers {@code GET /internal/counts}
 * ({@link RecordCountsController}).
 */
public interface RecordCounts {

    /** @param area a division-code prefix, already within the caller's scope */
    Map<String, Long> of(String area);

    /**
     * The counts of one query grouping the service's records by one column ({@link GroupCounts}), e.g. monitoring
     * objects by status under {@code objects.<status>}.
     */
    static RecordCounts grouped(JdbcClient jdbc, String what, String sql) {
        return area -> {
            Map<String, Long> counts = new TreeMap<>();
            GroupCounts.into(counts, jdbc, what, sql, area);
            return counts;
        };
    }
}
