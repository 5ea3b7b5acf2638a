-- 按地区分区: the household table partitioned by area (PostgreSQL's declarative partitioning, docs/scaling.md). A
-- range of division codes per township of the county the service keeps, created after each migration from the
-- division tree (AreaPartitions, add_area_partition of migration 33), and a default partition for any code outside
-- them: a township's households are then vacuumed, indexed, archived on their own, and a query of an area reads
-- only the partitions that can hold it (its policy's range prunes the others, at execution, under any area).
--
-- The division code is compared byte-wise (collation "C": the order of its digits, whatever the database's
-- locale), so one ordinary index serves the area ranges, LIKE prefixes and the partition bounds alike. The primary
-- key holds the partition key, as PostgreSQL requires, after the id its lookups give: (id, division_code). A household's id stays unique by how
-- it is made (time-ordered UUIDs, Ids; never renumbered, below), so the rows that name a household by its id alone
-- are checked per statement, as migration 29 does for the bulk tables, rather than by foreign keys. A household
-- that moves to another township moves to its partition.

create table household_by_area (
    id                      uuid        not null,
    category                text        not null check (category in ('REGISTERED', 'MARGINAL')),
    status                  text        not null,
    division_code           text        collate "C" not null check (division_code ~ '^\d{12}$'),
    natural_village         text,
    size                    integer     not null check (size >= 0),
    version                 bigint      not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    identification_standard text,
    military_family         boolean,
    bank_name               text,
    causes                  text[]      not null default '{}',
    not_enjoying_policy     boolean     not null default false,
    policy_verification     text        check (policy_verification in ('CONFIRMED', 'CLEARED')),
    phone                   bytea,
    bank_account            bytea,
    applied_on              date,
    primary key (id, division_code)
) partition by range (division_code);

create table household_elsewhere partition of household_by_area default;

insert into household_by_area (id, category, status, division_code, natural_village, size, version, created_at,
    updated_at, identification_standard, military_family, bank_name, causes, not_enjoying_policy,
    policy_verification, phone, bank_account, applied_on)
select id, category, status, division_code, natural_village, size, version, created_at, updated_at,
    identification_standard, military_family, bank_name, causes, not_enjoying_policy, policy_verification, phone,
    bank_account, applied_on
from household;

-- with it go the foreign keys of requests, issues, corrections and changes, and the policies that look a row's
-- household up: both come back below
drop table household cascade;
alter table household_by_area rename to household;
alter index household_by_area_pkey rename to household_pkey;

comment on column household.phone is 'AES-256-GCM sealed (PersonalText)';
comment on column household.bank_account is 'AES-256-GCM sealed (PersonalText)';

create index household_division on household (division_code, created_at, id);

alter table household enable row level security;
create policy in_area on household
    using (division_code >= current_setting('fupin.area', true)
       and division_code < (current_setting('fupin.area', true) || '~'));

do $$
declare
    child text;
begin
    foreach child in array array['member', 'helper', 'annual_record', 'lifecycle_request', 'member_correction',
            'household_registry'] loop
        execute format('create policy in_area on %I using (current_setting(''fupin.area'', true) = '''' '
            'or exists (select 1 from household h where h.id = household_id))', child);
    end loop;
    foreach child in array array['lifecycle_request', 'data_issue', 'member_correction', 'registry_change'] loop
        execute format('create trigger %I after insert on %I referencing new table as written for each statement '
            'execute function refuse_rows_without_household()', child || '_household_exists', child);
        execute format('create trigger %I after update on %I referencing new table as written for each statement '
            'execute function refuse_rows_without_household()', child || '_household_kept', child);
    end loop;
end;
$$;

create trigger household_counted_in after insert on household
    referencing new table as new_rows for each statement execute function household_counted();
create trigger household_counted_again after update on household
    referencing old table as old_rows new table as new_rows for each statement execute function household_counted();
create trigger household_never_deleted before delete or truncate on household
    for each statement execute function refuse_household_removal();

create trigger household_never_renumbered before update of id on household
    for each row when (old.id is distinct from new.id) execute function refuse_household_removal();
