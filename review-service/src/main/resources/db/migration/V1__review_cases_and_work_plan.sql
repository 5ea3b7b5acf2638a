-- Review cases (审核案件): one per request, whatever the number of times the request event arrives.
create table review_case (
    id               uuid        primary key,
    case_type        text        not null,
    subject_type     text        not null,
    subject_id       text        not null,
    area_code        text        not null check (area_code ~ '^(\d{9}|\d{12})$'),
    year             integer     not null,
    request_id       uuid,
    stages           text        not null,
    current_stage    text        check (current_stage in ('VILLAGE', 'TOWNSHIP', 'CITY')),
    state            text        not null check (state in ('IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED')),
    round            integer     not null check (round >= 1),
    head_name        text,
    submitted_by     text        not null,
    opened_at        timestamptz not null,
    stage_entered_at timestamptz,
    closed_at        timestamptz,
    version          integer     not null default 0,
    check ((state = 'IN_REVIEW') = (current_stage is not null))
);
create unique index review_case_one_per_request on review_case (request_id) where request_id is not null;
create index review_case_queue on review_case (state, current_stage, area_code, stage_entered_at);

-- What was asked, per submission round, as the request event carried it: frozen once written.
create table review_submission (
    case_id         uuid        not null references review_case (id),
    round           integer     not null,
    submitted_at    timestamptz not null,
    submitted_by    text        not null,
    source_event_id text,
    snapshot        jsonb       not null,
    primary key (case_id, round)
);

-- Every stage decision: who, when, what, why.
create table review_decision (
    id              bigserial   primary key,
    case_id         uuid        not null references review_case (id),
    round           integer     not null,
    stage           text        not null check (stage in ('VILLAGE', 'TOWNSHIP', 'CITY')),
    decision        text        not null check (decision in ('APPROVE', 'REJECT', 'RETURN')),
    decided_by      text        not null,
    decided_by_name text,
    decided_at      timestamptz not null,
    comment         text,
    reasons         jsonb       not null default '[]'
);
create index review_decision_case on review_decision (case_id, id);

-- The village stage's democratic appraisal (民主评议) and public notice (公示); every recording is kept.
create table review_publicity (
    id           bigserial   primary key,
    case_id      uuid        not null references review_case (id),
    round        integer     not null,
    appraisal    jsonb       not null,
    notice_start date        not null,
    notice_end   date        not null check (notice_end >= notice_start),
    notice_place text,
    objections   jsonb       not null default '[]',
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index review_publicity_case on review_publicity (case_id, round, id);

-- The year's work plan (年度工作方案) and each published revision.
create table work_plan (
    id                   uuid        primary key,
    year                 integer     not null unique,
    area_code            text        not null,
    timezone             text        not null,
    close_at             timestamptz not null,
    phases               jsonb       not null,
    revision             integer     not null,
    updated_by           text        not null,
    updated_at           timestamptz not null,
    year_close_announced boolean     not null default false
);
create table work_plan_revision (
    work_plan_id uuid        not null references work_plan (id),
    revision     integer     not null,
    close_at     timestamptz not null,
    phases       jsonb       not null,
    updated_by   text        not null,
    updated_at   timestamptz not null,
    primary key (work_plan_id, revision)
);

-- Function opening requests (系统功能开通申请) of townships, with their written completion report.
create table function_request (
    id            uuid        primary key,
    year          integer     not null,
    township_code text        not null check (township_code ~ '^\d{9}$'),
    title         text        not null,
    content       text,
    reference     text,
    state         text        not null check (state in ('IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED')),
    late          boolean     not null,
    submitted_by  text        not null,
    submitted_at  timestamptz not null,
    case_id       uuid        not null references review_case (id)
);
create unique index function_request_one_open on function_request (year, township_code)
    where state in ('IN_REVIEW', 'RETURNED');

-- Every opening and closing of an area's write functions (the audit trail of 系统功能开通).
create table function_window (
    id         bigserial   primary key,
    year       integer     not null,
    area_code  text        not null check (area_code ~ '^(\d{6}|\d{9})$'),
    action     text        not null check (action in ('OPENED', 'CLOSED')),
    reason     text        not null,
    opens_at   timestamptz,
    closes_at  timestamptz,
    comment    text,
    request_id uuid,
    at         timestamptz not null,
    by         text        not null
);
create index function_window_year on function_window (year, area_code, id);

-- Nothing of the record is ever rewritten or deleted: decisions, notices, snapshots, revisions, windows.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger review_decision_append_only before update or delete on review_decision
    for each row execute function refuse_change();
create trigger review_publicity_append_only before update or delete on review_publicity
    for each row execute function refuse_change();
create trigger review_submission_append_only before update or delete on review_submission
    for each row execute function refuse_change();
create trigger work_plan_revision_append_only before update or delete on work_plan_revision
    for each row execute function refuse_change();
create trigger function_window_append_only before update or delete on function_window
    for each row execute function refuse_change();
