-- A household's rows in its four bulk tables (members, helpers, registry record, annual records) are checked against
-- the household once per statement instead of once per row. The foreign key's per-row check takes a key-share lock
-- on the household's row: about 13 µs a row, 4 s of the 11 s that copying 300,000 members took, and as much again
-- for the other three tables of a county's import (docs/benchmarks.md; docs/adr/0013). What the keys guaranteed still
-- holds: a row names a household that exists (checked here, for every statement that writes such rows, as the
-- owner so that row security hides no household from the check), and a household is never deleted nor renumbered
-- (refused below; the registry keeps its history, 'nothing is deleted'), so no row can lose its household later.
-- The other tables keyed by household (corrections, changes, requests, data issues) are written a row at a time
-- and keep their foreign keys.
alter table member drop constraint member_household_id_fkey;
alter table helper drop constraint helper_household_id_fkey;
alter table household_registry drop constraint household_registry_household_id_fkey;
alter table annual_record drop constraint annual_record_household_id_fkey;

create function refuse_rows_without_household() returns trigger
    language plpgsql security definer set search_path = household, pg_temp
as $$
declare
    missing uuid;
begin
    select w.household_id into missing from written w
    where not exists (select 1 from household h where h.id = w.household_id) limit 1;
    if found then
        raise exception using errcode = 'foreign_key_violation', table = tg_table_name,
            message = format('%s: household %s does not exist', tg_table_name, missing);
    end if;
    return null;
end;
$$;
revoke all on function refuse_rows_without_household() from public;

create trigger member_household_exists after insert on member
    referencing new table as written for each statement execute function refuse_rows_without_household();
create trigger member_household_kept after update on member
    referencing new table as written for each statement execute function refuse_rows_without_household();
create trigger helper_household_exists after insert on helper
    referencing new table as written for each statement execute function refuse_rows_without_household();
create trigger helper_household_kept after update on helper
    referencing new table as written for each statement execute function refuse_rows_without_household();
create trigger household_registry_household_exists after insert on household_registry
    referencing new table as written for each statement execute function refuse_rows_without_household();
create trigger household_registry_household_kept after update on household_registry
    referencing new table as written for each statement execute function refuse_rows_without_household();
create trigger annual_record_household_exists after insert on annual_record
    referencing new table as written for each statement execute function refuse_rows_without_household();
create trigger annual_record_household_kept after update on annual_record
    referencing new table as written for each statement execute function refuse_rows_without_household();

create function refuse_household_removal() returns trigger language plpgsql as $$
begin
    raise exception using errcode = 'restrict_violation', table = tg_table_name,
        message = 'a household is never deleted or renumbered: the registry keeps its history';
end;
$$;
create trigger household_never_deleted before delete or truncate on household
    for each statement execute function refuse_household_removal();
create trigger household_never_renumbered before update of id on household
    for each row when (old.id is distinct from new.id) execute function refuse_household_removal();
