-- 行业部门数据: every item a department submitted, with what became of it (the source of a filled-in amount).
create table department_item (
    id            uuid           primary key,
    submission_id uuid           not null,
    household_id  uuid,
    year          integer        not null,
    department    text           not null,
    reference     text,
    field         text           not null,
    amount        numeric(14, 2) not null check (amount >= 0),
    result        text           not null check (result in ('APPLIED', 'CONFIRMED', 'CONFLICT', 'PENDING', 'UNMATCHED')),
    note          text,
    submitted_by  text           not null,
    at            timestamptz    not null
);
create index department_item_household on department_item (household_id, year);
