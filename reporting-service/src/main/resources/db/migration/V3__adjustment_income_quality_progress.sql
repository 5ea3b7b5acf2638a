-- 动态调整: one row per status change or member change, as the household events reported it.
create table household_change (
    event_id      text    primary key,
    household_id  uuid    not null,
    division_code text    not null,
    kind          text    not null,
    reason        text,
    year          integer not null,
    households    integer not null,
    persons       integer not null
);
create index household_change_area on household_change (year, division_code text_pattern_ops);

-- The year's per-capita net income of each household (latest record of the year wins).
create table annual_income (
    household_id      uuid           not null,
    year              integer        not null,
    division_code     text           not null,
    category          text           not null,
    size              integer        not null,
    per_capita_income numeric(14, 2) not null,
    last_sequence     bigint         not null,
    primary key (household_id, year)
);
create index annual_income_area on annual_income (year, division_code text_pattern_ops);

-- 问题数据 by rule: open until resolved.
create table data_issue_fact (
    issue_id      uuid    primary key,
    division_code text    not null,
    year          integer not null,
    rule_code     text    not null,
    status        text    not null
);
create index data_issue_fact_area on data_issue_fact (division_code text_pattern_ops);

-- Review cases as review.events describe them (latest sequence wins).
create table review_case_fact (
    case_id       uuid    primary key,
    case_type     text    not null,
    area_code     text    not null,
    year          integer not null,
    state         text    not null,
    current_stage text,
    last_sequence bigint  not null
);
create index review_case_fact_area on review_case_fact (area_code text_pattern_ops);

-- The year's work plan and each area's latest window change.
create table work_plan_fact (
    year          integer     primary key,
    phases        jsonb       not null,
    close_at      timestamptz not null,
    revision      integer     not null
);
create table function_window_fact (
    area_code text        not null,
    year      integer     not null,
    open      boolean     not null,
    reason    text        not null,
    at        timestamptz not null,
    primary key (area_code, year)
);
