-- 扶贫对象户: registered poor households (建档立卡户) and marginal households (边缘易致贫户).
create table household (
    id              uuid        primary key,
    category        text        not null check (category in ('REGISTERED', 'MARGINAL')),
    status          text        not null,
    division_code   text        not null check (division_code ~ '^\d{12}$'),
    natural_village text,
    phone           text,
    size            integer     not null check (size >= 0),
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index household_division on household (division_code text_pattern_ops, created_at, id);

-- 家庭成员: members, kept after removal (active = false) so the history stays.
create table member (
    household_id uuid    not null references household (id) on delete cascade,
    ordinal      integer not null,
    member_id    uuid    not null unique,
    name         text    not null,
    gender       text    not null,
    id_type      text    not null,
    id_number    text    not null,
    relation     text    not null,
    ethnicity    text,
    birth_date   date,
    active       boolean not null,
    primary key (household_id, ordinal)
);
-- An ID number is held by at most one active member in the whole registry, also under concurrent writes.
create unique index member_active_id_number on member (id_number) where active;
