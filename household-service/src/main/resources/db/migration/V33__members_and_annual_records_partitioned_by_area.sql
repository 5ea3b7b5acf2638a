-- Members and annual records partitioned by area like their households (migration 32): each row now carries its
-- household's division code, the partition key, which its writer gives (the household aggregate files its members
-- under it, FiledMember; the annual-record store and the bulk copies write it), since a trigger cannot route a row.
-- A township's households, members and annual records are then in partitions of the same bounds, and an area's
-- query of members or records reads only its own (their policies are now the area range on their own code).
--
-- What a partitioned table's key cannot say (it holds the partition key) is kept in unpartitioned tables written
-- per statement by triggers: a living member's ID number is unique in the whole registry (active_id_number, whose
-- primary key refuses a second holder as the member table's unique index did), and so is a household's id
-- (household_area, which also answers in one index whether and where a household is).

create table member_by_area (
    like member including defaults including constraints including generated including comments including storage,
    division_code text collate "C" not null check (division_code ~ '^\d{12}$'),
    primary key (household_id, ordinal, division_code)
) partition by range (division_code);
create table member_elsewhere partition of member_by_area default;

create table annual_record_by_area (
    like annual_record including defaults including constraints including comments including storage,
    division_code text collate "C" not null check (division_code ~ '^\d{12}$'),
    primary key (household_id, year, division_code)
) partition by range (division_code);
create table annual_record_elsewhere partition of annual_record_by_area default;

-- A partition of each of the three tables for an area (a 6-digit county or 9-digit township code), unless it has
-- one: the rows already in the default partitions move into it. Returns whether it made any. The owner calls it
-- (AreaPartitions, after each migration); the service's role cannot.
create function add_area_partition(area text) returns boolean language plpgsql
set search_path = ${flyway:defaultSchema}, pg_temp as $$
declare
    next_area text;
    parent text;
    columns text;
    made boolean := false;
begin
    if area !~ '^\d{6}(\d{3})?$' then
        raise exception using errcode = 'invalid_parameter_value',
            message = format('an area partition is for a county (6 digits) or a township (9 digits), not %L', area);
    end if;
    next_area := lpad((area::bigint + 1)::text, length(area), '0');
    -- each table's rows of the area move out of its default partition into the new one, uncounted (a move changes
    -- no count) and past the statement triggers of the table (a move changes no active ID number either)
    foreach parent in array array['household', 'member', 'annual_record'] loop
        if to_regclass(parent || '_' || area) is null then
            execute format('create temporary table moving as select * from %I where division_code >= %L '
                'and division_code < %L', parent || '_elsewhere', area, next_area);
            execute format('delete from %I where division_code >= %L and division_code < %L',
                parent || '_elsewhere', area, next_area);
            execute format('create table %I partition of %I for values from (%L) to (%L)', parent || '_' || area,
                parent, area, next_area);
            select string_agg(format('%I', attname), ', ' order by attnum) into columns from pg_attribute
            where attrelid = parent::regclass and attnum > 0 and not attisdropped and attgenerated = '';
            execute format('insert into %I (%s) select %s from moving', parent || '_' || area, columns, columns);
            drop table moving;
            made := true;
        end if;
    end loop;
    return made;
end;
$$;
revoke all on function add_area_partition(text) from public;

-- the rows into the default partitions, whence AreaPartitions moves each township's into its own
do $$
declare
    columns text;
begin
    select string_agg(format('%I', attname), ', ' order by attnum) into columns from pg_attribute
    where attrelid = 'member'::regclass and attnum > 0 and not attisdropped and attgenerated = '';
    execute format('insert into member_by_area (%s, division_code) select %s, h.division_code from member '
        'join household h on h.id = member.household_id', columns,
        (select string_agg('member.' || c, ', ') from unnest(string_to_array(columns, ', ')) c));
    if (select count(*) from member) <> (select count(*) from member_by_area) then
        raise exception 'members without a household: migration 29''s checks were bypassed';
    end if;

    select string_agg(format('%I', attname), ', ' order by attnum) into columns from pg_attribute
    where attrelid = 'annual_record'::regclass and attnum > 0 and not attisdropped;
    execute format('insert into annual_record_by_area (%s, division_code) select %s, h.division_code '
        'from annual_record join household h on h.id = annual_record.household_id', columns,
        (select string_agg('annual_record.' || c, ', ') from unnest(string_to_array(columns, ', ')) c));
    if (select count(*) from annual_record) <> (select count(*) from annual_record_by_area) then
        raise exception 'annual records without a household: migration 29''s checks were bypassed';
    end if;
end;
$$;

drop table member;
drop table annual_record;
alter table member_by_area rename to member;
alter index member_by_area_pkey rename to member_pkey;
alter table annual_record_by_area rename to annual_record;
alter index annual_record_by_area_pkey rename to annual_record_pkey;

create index member_by_id on member (member_id);
-- 查重 (persons lookup) and the registry's other questions find a number among the living and the removed
create index member_living_id_number_hash on member (id_number_hash) where active;
create index member_removed_id_number_hash on member (id_number_hash) where not active;

-- The registry's living holders of an ID number: one each. It also answers whether numbers are held anywhere in
-- the registry (the imports' check) in one index, where the member table has one per partition.
create table active_id_number (
    id_number_hash text primary key,
    member_id      uuid not null,
    household_id   uuid not null
);
insert into active_id_number select id_number_hash, member_id, household_id from member where active;

create function active_id_numbers_kept() returns trigger language plpgsql
security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from active_id_number a using old_rows o
        where o.active and a.id_number_hash = o.id_number_hash and a.member_id = o.member_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into active_id_number select id_number_hash, member_id, household_id from new_rows where active;
    end if;
    if tg_op = 'TRUNCATE' then
        truncate active_id_number;
    end if;
    return null;
end;
$$;
revoke all on function active_id_numbers_kept() from public;
create trigger member_active_id_numbers_in after insert on member
    referencing new table as new_rows for each statement execute function active_id_numbers_kept();
create trigger member_active_id_numbers_again after update on member
    referencing old table as old_rows new table as new_rows for each statement execute function active_id_numbers_kept();
create trigger member_active_id_numbers_out after delete on member
    referencing old table as old_rows for each statement execute function active_id_numbers_kept();
create trigger member_active_id_numbers_gone after truncate on member
    for each statement execute function active_id_numbers_kept();

-- Each household's id and area in one unpartitioned table: the id unique in the whole registry (the partitioned
-- household table's key holds the area too), and the checks of the rows that name a household answered by one
-- index, not one per partition. Measured (docs/benchmarks.md): checked against the partitions, the helpers and
-- registry records of a 100,000-household import took 11–12 s each instead of about 1.
create table household_area (
    id            uuid primary key,
    division_code text collate "C" not null
);
insert into household_area select id, division_code from household;

create function household_areas_kept() returns trigger language plpgsql
security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
begin
    if tg_op = 'INSERT' then
        insert into household_area select id, division_code from new_rows;
    elsif tg_op = 'UPDATE' then
        update household_area a set division_code = n.division_code from new_rows n
        where a.id = n.id and a.division_code <> n.division_code;
    else
        truncate household_area;
    end if;
    return null;
end;
$$;
revoke all on function household_areas_kept() from public;
create trigger household_area_in after insert on household
    referencing new table as new_rows for each statement execute function household_areas_kept();
create trigger household_area_again after update on household
    referencing new table as new_rows for each statement execute function household_areas_kept();
create trigger household_area_gone after truncate on household
    for each statement execute function household_areas_kept();

-- The rows of a household that are not partitioned are in the area of their household, found in one index too
-- (under a caller's area the policy is checked for each row written: an import's helpers and registry records).
do $$
declare
    child text;
begin
    foreach child in array array['helper', 'lifecycle_request', 'member_correction', 'household_registry'] loop
        execute format('drop policy in_area on %I', child);
        execute format('create policy in_area on %I using (current_setting(''fupin.area'', true) = '''' '
            'or exists (select 1 from household_area h where h.id = household_id '
            'and h.division_code >= current_setting(''fupin.area'', true) '
            'and h.division_code < (current_setting(''fupin.area'', true) || ''~'')))', child);
    end loop;
end;
$$;

-- Migration 29's check, answered by household_area. A table whose rows carry their household's area (the trigger's
-- argument 'in its area') has the area checked too: a row filed under an area is its household's.
create or replace function refuse_rows_without_household() returns trigger
    language plpgsql security definer set search_path = ${flyway:defaultSchema}, pg_temp
as $$
declare
    missing uuid;
begin
    if tg_nargs = 0 then
        select w.household_id into missing from written w
        where not exists (select 1 from household_area h where h.id = w.household_id) limit 1;
    else
        select w.household_id into missing from written w
        where not exists (select 1 from household_area h
                          where h.id = w.household_id and h.division_code = w.division_code)
        limit 1;
    end if;
    if found then
        raise exception using errcode = 'foreign_key_violation', table = tg_table_name,
            message = format('%s: household %s does not exist%s', tg_table_name, missing,
                case when tg_nargs = 0 then '' else ' in the area the row names' end);
    end if;
    return null;
end;
$$;

-- A household that moves township takes its members and records along (its counts follow its own trigger).
create function household_rows_moved() returns trigger language plpgsql
security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
begin
    if not exists (select 1 from new_rows n join old_rows o on o.id = n.id where n.division_code <> o.division_code)
    then
        return null;
    end if;
    update member m set division_code = n.division_code from new_rows n join old_rows o on o.id = n.id
    where m.household_id = n.id and n.division_code <> o.division_code;
    update annual_record a set division_code = n.division_code from new_rows n join old_rows o on o.id = n.id
    where a.household_id = n.id and n.division_code <> o.division_code;
    return null;
end;
$$;
revoke all on function household_rows_moved() from public;
create trigger household_rows_moved after update on household
    referencing old table as old_rows new table as new_rows for each statement execute function household_rows_moved();

-- The annual records' counts from their own area now (migration 31 looked the household up), so a move counts
-- them once, here, and the household's own count leaves them.
create or replace function annual_record_counted() returns trigger language plpgsql
security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into annual_record_count_change (division_code, year, records)
        select division_code, year, count(*) from new_rows group by 1, 2;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into annual_record_count_change (division_code, year, records)
        select division_code, year, -count(*) from old_rows group by 1, 2;
    end if;
    perform record_count_changes_maybe_fold();
    return null;
end
$$;

create or replace function household_counted() returns trigger language plpgsql
security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
begin
    if tg_op = 'INSERT' then
        insert into household_count_change (division_code, category, status, households, persons)
        select division_code, category, status, count(*), sum(size) from new_rows group by 1, 2, 3;
    elsif tg_op = 'UPDATE' then
        insert into household_count_change (division_code, category, status, households, persons)
        select division_code, category, status, sum(households), sum(persons) from (
            select division_code, category, status, 1 as households, size as persons from new_rows
            union all
            select division_code, category, status, -1, -size from old_rows) change
        group by 1, 2, 3 having sum(households) <> 0 or sum(persons) <> 0;
    end if;
    perform record_count_changes_maybe_fold();
    return null;
end
$$;

do $$
declare
    child text;
begin
    foreach child in array array['member', 'annual_record'] loop
        execute format('alter table %I enable row level security', child);
        execute format('create policy in_area on %I using (division_code >= current_setting(''fupin.area'', true) '
            'and division_code < (current_setting(''fupin.area'', true) || ''~''))', child);
        execute format('create trigger %I after insert on %I referencing new table as written for each statement '
            'execute function refuse_rows_without_household(''in its area'')', child || '_household_exists', child);
        execute format('create trigger %I after update on %I referencing new table as written for each statement '
            'execute function refuse_rows_without_household(''in its area'')', child || '_household_kept', child);
    end loop;
end;
$$;

create trigger annual_record_then_counted_in after insert on annual_record
    referencing new table as new_rows for each statement execute function annual_record_counted();
create trigger annual_record_then_counted_again after update on annual_record
    referencing old table as old_rows new table as new_rows for each statement execute function annual_record_counted();
create trigger annual_record_then_counted_out after delete on annual_record
    referencing old table as old_rows for each statement execute function annual_record_counted();
