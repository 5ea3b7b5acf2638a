-- 更正历史: the old and new value of every correction of who a member is (A1-A5, birth date) and of every change of
-- head, with its basis, who and when; rows are only ever added. No foreign key to member: the household aggregate
-- rewrites its member rows on every save.
create table member_correction (
    id           bigint      generated always as identity primary key,
    household_id uuid        not null references household (id) on delete cascade,
    member_id    uuid        not null,
    field        text        not null,
    indicator    text,
    old_value    text,
    new_value    text,
    reason       text        not null,
    corrected_by text        not null,
    corrected_at timestamptz not null
);
create index member_correction_member on member_correction (member_id, corrected_at);
