-- A household's rows in its four bulk tables (members, helpers, registry record, annual records) are checked against
-- the household once per statement instead of once per row. The foreign key's per-row check takes a key-share lock
-- on the household's row: about 13 µs a row, 4 s of the 11 s that copying 300,000 members took, and as much again
-- for the other three tables of a county's import (docs/benchmarks.md; docs/adr/0013). What the keys guaranteed still
-- holds: a row names a household that exists (checked here, for every statement that writes such rows, as the
-- owner so that row security hides no household from the check), and a household is never deleted nor renumbered
-- (refused below; the registry keeps its history, 'nothing is deleted'), so no row can lose its household later.
-- The other tables keyed by household (corrections, changes, requests, data issues) are written a row at a time
-- and keep their foreign keys.
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

-- Each bulk table's key gives way to a check after every statement that writes its rows: one trigger for inserts and
-- one for updates (a trigger with a transition table has one event), e.g. member_household_exists and
-- member_household_kept.
do $$
declare
    bulk text;
begin
    foreach bulk in array array['member', 'helper', 'household_registry', 'annual_record'] loop
        execute format('alter table %I drop constraint %I', bulk, bulk || '_household_id_fkey');
        execute format('create trigger %I after insert on %I referencing new table as written for each statement '
            'execute function refuse_rows_without_household()', bulk || '_household_exists', bulk);
        execute format('create trigger %I after update on %I referencing new table as written for each statement '
            'execute function refuse_rows_without_household()', bulk || '_household_kept', bulk);
    end loop;
end;
$$;

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
