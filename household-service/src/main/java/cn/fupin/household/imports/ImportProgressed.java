package cn.fupin.household.imports;

import java.util.UUID;

import cn.fupin.platform.outbox.PublishedEvent;

/**
 * A job's progress as its id reads it: raised when it starts, after each batch and when it ends, in the transaction
 * that records it.
 */
public record ImportProgressed(UUID importId, ImportJob.Kind kind, ImportJob.State state, String areaCode,
        int rowsDone, Integer rowsTotal, ImportJob.Counts households, int errorCount) implements PublishedEvent {

    static ImportProgressed of(ImportJob job) {
        return new ImportProgressed(job.id(), job.kind(), job.state(), job.areaCode(), job.rowsDone(), job.rowsTotal(),
                job.households(), job.errorCount());
    }

    @Override
    public String aggregateType() {
        return "import";
    }

    @Override
    public String aggregateId() {
        return importId.toString();
    }
}
