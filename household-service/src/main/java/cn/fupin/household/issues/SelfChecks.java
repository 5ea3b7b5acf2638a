package cn.fupin.household.issues;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.platform.security.Caller;

/**
 * 数据质量自查: the rules run over every household of an area (a township, usually), one transaction per
 * household so a large area neither holds locks long nor loses everything to one failure.
 */
@Service
public class SelfChecks {

    private final DataIssues issues;
    private final TransactionTemplate transactions;
    private final DataIssueQueries queries;

    SelfChecks(DataIssues issues, TransactionTemplate transactions, DataIssueQueries queries) {
        this.issues = issues;
        this.transactions = transactions;
        this.queries = queries;
    }

    public Result run(String areaCode, int year, Caller caller) {
        String area = caller.scope().narrow(areaCode);
        List<UUID> households = issues.householdsIn(area);
        int raised = 0;
        int fixed = 0;
        for (UUID household : households) {
            DataIssues.Outcome outcome = transactions.execute(status -> issues.reevaluate(household, year));
            raised += outcome.raised();
            fixed += outcome.fixed();
        }
        return new Result(area, year, households.size(), raised, fixed, queries.countUnresolved(area, year));
    }

    /** What a self-check did. */
    public record Result(String areaCode, int year, int households, int raised, int fixed, long open) {
    }
}
