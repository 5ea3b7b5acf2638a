package cn.fupin.audit.consumer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import cn.fupin.audit.ChainHashes;

/** Events as household-service publishes them: full envelopes, each chained to its aggregate's last one. */
final class PublishedEvents {

    private final Map<String, String> lastHash = new HashMap<>();

    /** An event of the aggregate, chained to the last one written of it. */
    byte[] event(String subject, int sequence, String type) {
        String previous = lastHash.get(subject);
        String value = "{\"specversion\":\"1.0\",\"id\":\"household:" + subject + ":" + sequence + "\","
                + "\"source\":\"/fupin/household-service\",\"type\":\"fupin.household." + type + ".v1\","
                + "\"subject\":\"" + subject + "\",\"time\":\"2026-12-05T08:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"dataschema\":\"https://schemas.fupin.cn/events/household/"
                + type + ".v1.schema.json\",\"areacode\":\"350481100201\",\"actor\":\"xiyang.clerk\","
                + "\"correlationid\":\"c-" + sequence + "\",\"aggregatetype\":\"household\",\"sequence\":" + sequence
                + (previous == null ? "" : ",\"prevhash\":\"" + previous + "\"") + ",\"data\":{\"size\":3}}";
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        lastHash.put(subject, ChainHashes.ofEvent(bytes));
        return bytes;
    }

    /** The aggregate's next event starts a chain again (as if none had been written). */
    void forget(String subject) {
        lastHash.remove(subject);
    }

    static byte[] key(String subject) {
        return subject.getBytes(StandardCharsets.UTF_8);
    }
}
