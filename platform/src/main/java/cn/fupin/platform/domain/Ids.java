package cn.fupin.platform.domain;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Identifiers of the records a service creates by the hundred thousand (households, members, helpers, monitoring
 * objects): time-ordered UUIDs (version 7, RFC 9562), so that a bulk load appends to the ends of the indexes they key
 * (primary keys, the members' household, the consumers' tables and inboxes) instead of touching a random page of
 * each for every row. They are UUIDs like any other to every reader; their first 48 bits are the creation time in
 * milliseconds, which the records state anyway.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    /** A new identifier, ordered after those made in earlier milliseconds. */
    public static UUID next() {
        return GENERATOR.generate();
    }
}
