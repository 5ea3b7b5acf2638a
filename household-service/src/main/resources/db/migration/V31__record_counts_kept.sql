-- 账账相符, the owner's side, kept as the records change instead of counted at each reconciliation: at a province's
-- 10^6 households counting the households of the county took 0.9 s and its annual records 2.0 s (docs/report-plans.md).
-- Each statement that writes households or annual records appends what it changed, summed per village and key, to a
-- table of changes: appended, never updated, so an import's long transaction holds no count that a registration in
-- the same village would wait for. Now and then a statement folds the changes into one row per key (rows another
-- transaction holds are skipped, never waited for). A count is the sum of an area's changes.
create table household_count_change (
    id            bigint generated always as identity primary key,
    division_code text   not null,
    category      text   not null,
    status        text   not null,
    households    bigint not null,
    persons       bigint not null
);

create table annual_record_count_change (
    id            bigint generated always as identity primary key,
    division_code text    not null,
    year          integer not null,
    records       bigint  not null
);

-- the changes folded into one row per key; rows that other transactions are folding are left to them
create function record_count_changes_fold() returns void language sql
security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
    with folded as (
        delete from household_count_change where id in (
            select id from household_count_change for update skip locked)
        returning division_code, category, status, households, persons)
    insert into household_count_change (division_code, category, status, households, persons)
    select division_code, category, status, sum(households), sum(persons) from folded
    group by 1, 2, 3 having sum(households) <> 0 or sum(persons) <> 0;

    with folded as (
        delete from annual_record_count_change where id in (
            select id from annual_record_count_change for update skip locked)
        returning division_code, year, records)
    insert into annual_record_count_change (division_code, year, records)
    select division_code, year, sum(records) from folded group by 1, 2 having sum(records) <> 0;
$$;

-- about one statement in a hundred folds: the changes stay about one row per key, at a few milliseconds a fold
create function record_count_changes_maybe_fold() returns void language plpgsql
security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
begin
    if random() < 0.01 then
        perform record_count_changes_fold();
    end if;
end
$$;

-- households: +1 (and their persons) under the key a row is written with, -1 under the key it had; a household that
-- moved village takes its annual records along (a household is never deleted: refuse_household_removal)
create function household_counted() returns trigger language plpgsql
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
        -- lateral: the moved households' records by index, whatever the planner guesses of the transition tables
        insert into annual_record_count_change (division_code, year, records)
        with moved as (
            select n.id, n.division_code, o.division_code as was from new_rows n join old_rows o on o.id = n.id
            where n.division_code <> o.division_code)
        select division_code, year, sum(records) from (
            select m.division_code, a.year, 1 as records
            from moved m cross join lateral (select year from annual_record where household_id = m.id) a
            union all
            select m.was, a.year, -1
            from moved m cross join lateral (select year from annual_record where household_id = m.id) a) change
        group by 1, 2 having sum(records) <> 0;
    end if;
    perform record_count_changes_maybe_fold();
    return null;
end
$$;

create trigger household_counted_in after insert on household
    referencing new table as new_rows for each statement execute function household_counted();
create trigger household_counted_again after update on household
    referencing old table as old_rows new table as new_rows for each statement execute function household_counted();

-- annual records, under their household's village, looked up by its key record by record: with a join the plan was
-- the planner's guess about a transition table it knows nothing of, and an import's records cost 74 µs each at
-- 300,000 households (pg_stat_statements)
create function annual_record_counted() returns trigger language plpgsql
security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into annual_record_count_change (division_code, year, records)
        select (select division_code from household where id = n.household_id), n.year, count(*) from new_rows n
        group by 1, 2;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into annual_record_count_change (division_code, year, records)
        select (select division_code from household where id = o.household_id), o.year, -count(*) from old_rows o
        group by 1, 2;
    end if;
    perform record_count_changes_maybe_fold();
    return null;
end
$$;

-- named to fire after annual_record_household_exists and _kept (migration 29; triggers of an event fire in the order
-- of their names): a record of no household is refused by that check, before it could be counted nowhere
create trigger annual_record_then_counted_in after insert on annual_record
    referencing new table as new_rows for each statement execute function annual_record_counted();
create trigger annual_record_then_counted_again after update on annual_record
    referencing old table as old_rows new table as new_rows for each statement execute function annual_record_counted();
create trigger annual_record_then_counted_out after delete on annual_record
    referencing old table as old_rows for each statement execute function annual_record_counted();

-- an area's counts: the sums of its changes (the area is the caller's, checked by the service)
create function household_counts(area text)
    returns table (category text, status text, households bigint, persons bigint)
    language sql stable security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
    select category, status, sum(households)::bigint, sum(persons)::bigint from household_count_change
    where division_code ~>=~ area and division_code ~<~ (area || '~')
    group by 1, 2 having sum(households) <> 0
$$;

create or replace function annual_record_counts(area text)
    returns table (year integer, records bigint)
    language sql stable security definer set search_path = ${flyway:defaultSchema}, pg_temp as $$
    select year, sum(records)::bigint from annual_record_count_change
    where division_code ~>=~ area and division_code ~<~ (area || '~')
    group by 1 having sum(records) <> 0
$$;

revoke all on function household_counts(text) from public;
revoke all on function record_count_changes_fold() from public;

insert into household_count_change (division_code, category, status, households, persons)
select division_code, category, status, count(*), coalesce(sum(size), 0) from household group by 1, 2, 3;

insert into annual_record_count_change (division_code, year, records)
select h.division_code, a.year, count(*) from annual_record a join household h on h.id = a.household_id group by 1, 2;
