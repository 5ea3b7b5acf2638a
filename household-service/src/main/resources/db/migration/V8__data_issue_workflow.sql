-- Field verification and correction of problem data: who did what, and what they said.
alter table data_issue
    add column comment     text,
    add column verified_by text,
    add column resolved_by text;
