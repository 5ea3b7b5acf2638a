-- 帮扶责任人: the people assigned to help a household (form 1, part 6).
create table helper (
    household_id     uuid    not null references household (id) on delete cascade,
    ordinal          integer not null,
    helper_id        uuid    not null,
    name             text    not null,
    gender           text    not null,
    political_status text,
    unit             text    not null,
    start_date       date    not null,
    end_date         date check (end_date is null or end_date >= start_date),
    phone            text,
    primary key (household_id, ordinal)
);
