-- What monitoring knows of each household: a projection of household.events (latest sequence wins).
create table household_summary (
    household_id      uuid        primary key,
    division_code     text        not null,
    category          text        not null,
    status            text        not null,
    size              integer     not null,
    head_name         text,
    head_id_hash      text,
    members           jsonb       not null default '[]',
    causes            jsonb,
    income_year       integer,
    per_capita_income numeric(14, 2),
    basic_needs       jsonb,
    last_sequence     bigint      not null,
    updated_at        timestamptz not null
);
create index household_summary_head on household_summary (head_id_hash);
create index household_summary_area on household_summary (division_code);

-- Monitoring objects (监测对象): at most one open per household.
create table monitoring_object (
    id                uuid        primary key,
    household_id      uuid        not null,
    object_type       text        not null check (object_type in ('UNSTABLE_EXITED', 'MARGINAL')),
    division_code     text        not null check (division_code ~ '^\d{12}$'),
    year              integer     not null,
    status            text        not null
        check (status in ('PROPOSED', 'MONITORED', 'ELIMINATION_REQUESTED', 'RISK_CLEARED', 'REJECTED')),
    risks             text        not null,
    head_name         text,
    size              integer     not null,
    per_capita_income numeric(14, 2),
    request_id        uuid,
    request_type      text        check (request_type in ('MONITORING_INCLUSION', 'RISK_ELIMINATION')),
    request_state     text        check (request_state in ('PENDING', 'RETURNED', 'APPROVED', 'REJECTED')),
    review_reasons    text,
    assessment_id     uuid,
    identified_at     timestamptz,
    cleared_at        timestamptz,
    created_by        text        not null,
    created_at        timestamptz not null,
    version           integer     not null default 0
);
create unique index monitoring_object_one_open on monitoring_object (household_id)
    where status in ('PROPOSED', 'MONITORED', 'ELIMINATION_REQUESTED');
create index monitoring_object_area on monitoring_object (division_code, created_at);

create table monitoring_status_change (
    id        bigserial   primary key,
    object_id uuid        not null references monitoring_object (id),
    status    text        not null,
    at        timestamptz not null,
    by        text        not null,
    case_id   uuid,
    note      text
);

-- 帮扶措施 and 风险评估 of an object, in the order they were recorded.
create table monitoring_assistance (
    id                 uuid          primary key,
    object_id          uuid          not null references monitoring_object (id),
    measure            text          not null,
    content            text,
    amount             numeric(14, 2) check (amount >= 0),
    date               date          not null,
    responsible_person text,
    recorded_by        text          not null,
    recorded_at        timestamptz   not null
);
create index monitoring_assistance_object on monitoring_assistance (object_id, recorded_at);

create table monitoring_assessment (
    id                uuid          primary key,
    object_id         uuid          not null references monitoring_object (id),
    assessed_on       date          not null,
    risks             text          not null,
    risk_eliminated   boolean       not null,
    per_capita_income numeric(14, 2),
    note              text,
    override_reason   text,
    assessed_by       text          not null,
    assessed_at       timestamptz   not null
);
create index monitoring_assessment_object on monitoring_assessment (object_id, assessed_at);

-- Early warnings (监测预警): a fact from household.events that may put a household at risk.
create table early_warning (
    id              bigserial   primary key,
    household_id    uuid        not null,
    trigger         text        not null,
    facts           jsonb       not null,
    raised_at       timestamptz not null,
    source_event_id text        not null,
    handled_at      timestamptz,
    unique (source_event_id, trigger)
);
create index early_warning_open on early_warning (household_id) where handled_at is null;
