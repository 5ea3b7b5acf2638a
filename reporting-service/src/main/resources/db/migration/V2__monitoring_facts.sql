-- Read model: one row per monitoring object as monitoring.events describe it (latest sequence wins).
create table monitoring_fact (
    object_id        uuid    primary key,
    household_id     uuid    not null,
    division_code    text    not null,
    object_type      text    not null,
    year             integer not null,
    status           text    not null,
    risks            text    not null,
    assistance_count integer not null default 0,
    last_sequence    bigint  not null
);
create index monitoring_fact_division on monitoring_fact (division_code text_pattern_ops);
