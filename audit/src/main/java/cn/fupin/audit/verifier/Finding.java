package cn.fupin.audit.verifier;

/**
 * One thing the verifier found in a topic.
 *
 * @param severity whether the topic is not what its publisher wrote, or only worth telling
 * @param kind a short name of what was found, e.g. {@code gap}
 * @param topic the event topic
 * @param partition its partition, or -1 for the topic as a whole
 * @param offset the record's offset, or -1 when no one record is meant
 * @param detail what, in words
 */
public record Finding(Severity severity, String kind, String topic, int partition, long offset, String detail) {

    public enum Severity {
        /** The topic is not as its publisher wrote it: a record changed, lost, inserted or moved. */
        VIOLATION,
        /** What at-least-once delivery explains (an identical event sent again) or a reader should know. */
        NOTICE
    }

    @Override
    public String toString() {
        return severity + " " + kind + " " + topic + (partition < 0 ? "" : "/" + partition)
                + (offset < 0 ? "" : "@" + offset) + ": " + detail;
    }
}
