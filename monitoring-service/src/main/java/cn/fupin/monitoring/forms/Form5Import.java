package cn.fupin.monitoring.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.monitoring.households.HouseholdSummaries;
import cn.fupin.monitoring.households.HouseholdSummary;
import cn.fupin.monitoring.objects.MonitoringObject;
import cn.fupin.monitoring.objects.ObjectType;
import cn.fupin.monitoring.objects.Proposals;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.domain.RuleViolation;
import cn.fupin.platform.outbox.PublishedEvents;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.security.Caller;

/**
 * Imports a village's filled 表 5: each row through the very service {@code POST /monitoring-objects} uses
 * ({@link Proposals}, type 脱贫不稳定户), with its rules and events, in a savepoint of one transaction — kept whole,
 * or (all or nothing, with a bad row) not at all; with {@code partial}, the good rows kept. A household already
 * monitored, or already proposed, is left as it is (unchanged): the same file twice proposes nothing twice.
 */
@Service
public class Form5Import {

    /** What the import came to. */
    public record Result(boolean kept, int rows, List<UUID> created, int unchanged, int rejected,
            List<RowError> errors) {
    }

    /** One refused cell or row, as a clerk finds it. */
    public record RowError(String sheet, int row, String column, String cell, String indicator, String message) {
    }

    /** The file is not a 表 5 that can be read. */
    public static final class NotForm5 extends RuntimeException {

        NotForm5(String message) {
            super(message);
        }
    }

    private final Proposals proposals;
    private final HouseholdSummaries households;
    private final IdNumberHash idHash;
    private final PublishedEvents events;
    private final Codebook codebook;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;
    private final int maxRows;

    Form5Import(Proposals proposals, HouseholdSummaries households, IdNumberHash idHash, PublishedEvents events,
            Codebook codebook, PlatformTransactionManager transactionManager,
            @Value("${fupin.forms.max-rows:2000}") int maxRows) {
        this.proposals = proposals;
        this.households = households;
        this.idHash = idHash;
        this.events = events;
        this.codebook = codebook;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.maxRows = maxRows;
    }

    /** @param village the village the list is filed for: the caller has checked it is in his area */
    public Result run(byte[] file, String village, int year, boolean partial, Caller caller) {
        Form5Rows reader = new Form5Rows(codebook, maxRows);
        List<Form5Rows.Line> lines;
        try {
            lines = reader.read(file);
        }
        catch (Form5Rows.NotForm5Exception ex) {
            throw new NotForm5(ex.getMessage());
        }
        List<RowError> errors = new ArrayList<>();
        List<UUID> created = new ArrayList<>();
        int[] unchanged = { 0 };
        int[] rejected = { 0 };
        AreaScope inVillage = new AreaScope(village);
        transactions.executeWithoutResult(status -> {
            for (Form5Rows.Line line : lines) {
                List<Form5Rows.Problem> problems = new ArrayList<>(line.problems());
                if (problems.isEmpty() && households.byHead(idHash.candidates(line.headIdNumber()), inVillage).stream()
                        .map(HouseholdSummary::divisionCode).noneMatch(village::equals)) {
                    problems.add(reader.locate(line.row(), "headIdNumber",
                            "本村没有户主证件号码为 " + line.headIdNumber() + " 的户"));
                }
                if (problems.isEmpty()) {
                    try {
                        MonitoringObject object = events.inSavepoint(savepoint, () -> proposals.propose(
                                new Proposals.Proposal(ObjectType.UNSTABLE_EXITED, year, line.headIdNumber(), null,
                                        line.risks(), line.note(), line.appliedOn()), caller));
                        created.add(object.id());
                        continue;
                    }
                    catch (DuplicateKeyException monitored) {
                        unchanged[0]++;
                        continue;
                    }
                    catch (RuleViolation refused) {
                        if ("already-monitored".equals(refused.code())) {
                            unchanged[0]++;
                            continue;
                        }
                        List<FieldError> fields = refused.errors().isEmpty()
                                ? List.of(new FieldError("headIdNumber", null, refused.getMessage()))
                                : refused.errors();
                        fields.forEach(error -> problems.add(reader.locate(line.row(), error.field(),
                                error.message())));
                    }
                }
                rejected[0]++;
                problems.forEach(problem -> errors.add(new RowError(reader.sheet(), problem.row(), problem.column(),
                        problem.cell(), problem.indicator(), problem.message())));
            }
            if (!partial && !errors.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        boolean kept = partial || errors.isEmpty();
        return new Result(kept, lines.size(), kept ? created : List.of(), unchanged[0], rejected[0], errors);
    }
}
