-- Every change of a household re-evaluates the quality rules for it (DataIssues.reevaluate), which reads the
-- household's issues of the year: without an index that read scanned every issue of the registry, a cost that
-- grew with the registry (2 ms a registration with the demo county's 4,600 issues; see docs/benchmarks.md).
create index data_issue_household on data_issue (household_id, year);
