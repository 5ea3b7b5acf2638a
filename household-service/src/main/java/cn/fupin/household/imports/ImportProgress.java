package cn.fupin.household.imports;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.security.AreaScope;

/**
 * Reports how a job goes: each step recorded in a short transaction of its own, beside the import's long one (so it
 * is read by the job's id while the import runs, and stays when the import is rolled back), and raised as
 * {@link ImportProgressed} in that transaction.
 */
@Component
class ImportProgress {

    private final ImportJobStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate beside;
    private final Clock clock;

    ImportProgress(ImportJobStore store, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.beside = new TransactionTemplate(transactions);
        this.beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void started(UUID job, Integer rowsTotal) {
        beside.executeWithoutResult(status -> {
            store.started(job, rowsTotal, clock.instant());
            raise(job);
        });
    }

    void progressed(UUID job, int rowsDone, ImportJob.Counts counts, int errorCount) {
        beside.executeWithoutResult(status -> {
            store.progressed(job, rowsDone, counts, errorCount);
            raise(job);
        });
    }

    void finished(UUID job, ImportOutcome outcome) {
        beside.executeWithoutResult(status -> {
            store.finished(job, outcome.state(), outcome.rows(), outcome.counts(), outcome.errorCount(),
                    outcome.errors(), outcome.notices(), outcome.ignoredColumns(), outcome.failure(), clock.instant());
            raise(job);
        });
    }

    /** Jobs a stopped service left unfinished, marked failed (nothing of them was kept); how many. */
    int abandonUnfinished(String reason) {
        return beside.execute(status -> {
            List<UUID> abandoned = store.abandon(reason, clock.instant());
            abandoned.forEach(this::raise);
            return abandoned.size();
        });
    }

    private void raise(UUID job) {
        store.find(job, AreaScope.ALL).map(ImportProgressed::of).ifPresent(events::publishEvent);
    }
}
