-- household_count kept per statement, not per row: a consumer writes a poll's household facts in one statement, and
-- the per-row trigger upserted the same few village rows once per household, each update a new version of a row the
-- batch had already updated hundreds of times (10 s of PostgreSQL's time for 100,000 imported households). Now a
-- statement's rows are summed by village, category and status and applied in one upsert; an update that leaves a
-- household where it counted nets to nothing and touches no count.
drop trigger household_fact_count on household_fact;
drop function household_count_apply();

-- adds changes (households and persons, negative to take away) to the counts, one row per count changed
create function household_count_add(changes household_count[]) returns void language sql
set search_path = ${flyway:defaultSchema} as $$
    insert into household_count (division_code, category, status, households, persons)
    select division_code, category, status, sum(households), sum(persons) from unnest(changes)
    group by division_code, category, status
    having sum(households) <> 0 or sum(persons) <> 0
    order by division_code, category, status
    on conflict (division_code, category, status) do update
        set households = household_count.households + excluded.households,
            persons = household_count.persons + excluded.persons
$$;

create function household_count_apply() returns trigger language plpgsql
set search_path = ${flyway:defaultSchema} as $$
begin
    if tg_op = 'INSERT' then
        perform household_count_add(array(
            select row(division_code, category, status, 1, size)::household_count from new_rows));
    elsif tg_op = 'DELETE' then
        perform household_count_add(array(
            select row(division_code, category, status, -1, -size)::household_count from old_rows));
    else
        perform household_count_add(array(
            select row(division_code, category, status, 1, size)::household_count from new_rows
            union all
            select row(division_code, category, status, -1, -size)::household_count from old_rows));
    end if;
    return null;
end
$$;

-- an insert … on conflict do update fires the insert trigger with the rows it inserted, the update trigger with the
-- rows it updated
create trigger household_fact_counted_in after insert on household_fact
    referencing new table as new_rows for each statement execute function household_count_apply();
create trigger household_fact_counted_again after update on household_fact
    referencing old table as old_rows new table as new_rows for each statement execute function household_count_apply();
create trigger household_fact_counted_out after delete on household_fact
    referencing old table as old_rows for each statement execute function household_count_apply();
