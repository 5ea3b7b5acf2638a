-- 国扶系统变更导出: every change the national registry must be told of, journalled in the transaction that made it,
-- and the exports that handed them over: a change is in one export only, so the next export holds only what is new.
create table registry_export (
    id           uuid        primary key,
    area_code    text        not null check (area_code ~ '^\d{6,12}$'),
    changes      integer     not null,
    requested_by text        not null,
    requested_at timestamptz not null
);

create table registry_change (
    id             bigint      generated always as identity primary key,
    household_id   uuid        not null references household (id) on delete cascade,
    division_code  text        not null check (division_code ~ '^\d{12}$'),
    kind           text        not null check (kind in ('IDENTIFIED', 'EXITED', 'RETURNED', 'MEMBER_ADDED',
                                                        'MEMBER_REMOVED', 'CORRECTED')),
    member_id      uuid,
    reason         text,
    effective_date date,
    fields         text[]      not null default '{}',
    occurred_at    timestamptz not null,
    correlation_id text,
    export_id      uuid references registry_export (id)
);
create index registry_change_unexported on registry_change (division_code text_pattern_ops, id) where export_id is null;
create index registry_change_export on registry_change (export_id, id);

alter table registry_export enable row level security;
create policy in_area on registry_export
    using (area_code ~>=~ current_setting('fupin.area', true)
       and area_code ~<~ (current_setting('fupin.area', true) || '~'));

alter table registry_change enable row level security;
create policy in_area on registry_change
    using (division_code ~>=~ current_setting('fupin.area', true)
       and division_code ~<~ (current_setting('fupin.area', true) || '~'));
