-- Read model: one row per household as household.events describe it (event-carried state).
create table household_fact (
    household_id  uuid    primary key,
    division_code text    not null,
    category      text    not null,
    status        text    not null,
    size          integer not null,
    last_sequence bigint  not null
);
create index household_fact_division on household_fact (division_code text_pattern_ops);
