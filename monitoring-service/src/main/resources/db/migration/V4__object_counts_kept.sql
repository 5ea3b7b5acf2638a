-- 账账相符, the owner's side, kept as the objects change instead of counted at each reconciliation (0.2 s for the
-- 112,000 objects of a province's 10^6 households; docs/report-plans.md), as household-service keeps its own
-- (household migration 31): each statement appends what it changed, summed per village and status, to a table that
-- is only ever appended to, and about one statement in a hundred folds it into one row per key, skipping rows another
-- transaction holds. A count is the sum of an area's changes.
create table monitoring_object_count_change (
    id            bigint generated always as identity primary key,
    division_code text   not null,
    status        text   not null,
    objects       bigint not null
);

create function monitoring_object_count_changes_fold() returns void language sql
security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
    with folded as (
        delete from monitoring_object_count_change where id in (
            select id from monitoring_object_count_change for update skip locked)
        returning division_code, status, objects)
    insert into monitoring_object_count_change (division_code, status, objects)
    select division_code, status, sum(objects) from folded group by 1, 2 having sum(objects) <> 0;
$$;

-- +1 under the village and status a row is written with, -1 under those it had
create function monitoring_object_counted() returns trigger language plpgsql
security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
begin
    if tg_op = 'INSERT' then
        insert into monitoring_object_count_change (division_code, status, objects)
        select division_code, status, count(*) from new_rows group by 1, 2;
    elsif tg_op = 'UPDATE' then
        insert into monitoring_object_count_change (division_code, status, objects)
        select division_code, status, sum(objects) from (
            select division_code, status, 1 as objects from new_rows
            union all
            select division_code, status, -1 from old_rows) change
        group by 1, 2 having sum(objects) <> 0;
    else
        insert into monitoring_object_count_change (division_code, status, objects)
        select division_code, status, -count(*) from old_rows group by 1, 2;
    end if;
    if random() < 0.01 then
        perform monitoring_object_count_changes_fold();
    end if;
    return null;
end
$$;

create trigger monitoring_object_counted_in after insert on monitoring_object
    referencing new table as new_rows for each statement execute function monitoring_object_counted();
create trigger monitoring_object_counted_again after update on monitoring_object
    referencing old table as old_rows new table as new_rows for each statement execute function monitoring_object_counted();
create trigger monitoring_object_counted_out after delete on monitoring_object
    referencing old table as old_rows for each statement execute function monitoring_object_counted();

-- an area's counts (the area is the caller's, narrowed by the service)
create function monitoring_object_counts(area text) returns table (status text, objects bigint)
    language sql stable security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
    select status, sum(objects)::bigint from monitoring_object_count_change
    where division_code ~>=~ area and division_code ~<~ (area || '~')
    group by 1 having sum(objects) <> 0
$$;

revoke all on function monitoring_object_counts(text) from public;
revoke all on function monitoring_object_count_changes_fold() from public;
grant execute on function monitoring_object_counts(text), monitoring_object_count_changes_fold() to ${app_role};

insert into monitoring_object_count_change (division_code, status, objects)
select division_code, status, count(*) from monitoring_object group by 1, 2;
