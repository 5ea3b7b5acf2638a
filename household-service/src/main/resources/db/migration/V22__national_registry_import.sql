-- 国扶系统, the national registry: a household loaded from the registry's whole-county export (全县全字段) keeps its
-- numbers there (户编号, and each member's 人口编号 by member id: a table of its own would cost a row and two foreign-key
-- checks per person, and Spring Data rewrites a household's member rows on every save), its history (the years it
-- was identified, exited, returned), and the digest of its rows as last read, so the same export read again changes
-- nothing.
create table household_registry (
    household_id    uuid        primary key references household (id) on delete cascade,
    registry_number text        not null unique,
    status          text        not null,
    identified_year integer     check (identified_year between 2013 and 2100),
    exited_year     integer     check (exited_year between 2013 and 2100),
    returned_year   integer     check (returned_year between 2013 and 2100),
    person_numbers  jsonb       not null default '{}',
    digest          text        not null,
    import_id       uuid        not null,
    imported_at     timestamptz not null
);
comment on column household_registry.registry_number is '户编号 in the national registry';
comment on column household_registry.status is 'the status the registry gave at the last import';
comment on column household_registry.person_numbers is '人口编号 in the national registry by member id';

-- An import of a file: who asked, for which area, how far it got, every row it refused (the first thousand; the
-- count is of all of them) and what it applied in part.
create table import_job (
    id              uuid        primary key,
    kind            text        not null check (kind in ('NATIONAL_REGISTRY')),
    state           text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
    area_code       text        not null check (area_code ~ '^\d{6,12}$'),
    partial         boolean     not null,
    file_name       text,
    media_type      text        not null,
    size_bytes      bigint      not null,
    sha256          text        not null,
    rows_total      integer,
    rows_done       integer     not null default 0,
    created         integer     not null default 0,
    updated         integer     not null default 0,
    unchanged       integer     not null default 0,
    rejected        integer     not null default 0,
    error_count     integer     not null default 0,
    errors          jsonb       not null default '[]',
    notices         jsonb       not null default '[]',
    ignored_columns text[]      not null default '{}',
    failure         text,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
create index import_job_area on import_job (area_code text_pattern_ops, requested_at desc);

alter table household_registry enable row level security;
create policy in_area on household_registry
    using (current_setting('fupin.area', true) = '' or exists (select 1 from household h where h.id = household_id));

alter table import_job enable row level security;
create policy in_area on import_job
    using (area_code ~>=~ current_setting('fupin.area', true)
       and area_code ~<~ (current_setting('fupin.area', true) || '~'));
