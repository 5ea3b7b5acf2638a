-- 问题数据: problems the quality rules find (or imports bring), worked through OPEN -> VERIFIED -> FIXED -> CLOSED.
create table data_issue (
    id            uuid        primary key,
    household_id  uuid        not null references household (id) on delete cascade,
    member_id     uuid,
    division_code text        not null,
    year          integer     not null,
    rule_code     text        not null,
    severity      text        not null check (severity in ('BLOCKING', 'FINDING')),
    origin        text        not null check (origin in ('RULE', 'IMPORT', 'ASSESSMENT', 'SURVEY')),
    indicator     text,
    field         text,
    message       text        not null,
    status        text        not null check (status in ('OPEN', 'VERIFIED', 'FIXED', 'CLOSED')),
    fingerprint   text        not null,
    resolution    text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
-- one unresolved issue per household, rule, field and member
create unique index data_issue_unresolved on data_issue (fingerprint) where status in ('OPEN', 'VERIFIED');
create index data_issue_area on data_issue (division_code text_pattern_ops, status);
