-- The year's annual records of each village by category and income band, kept by triggers as annual_income changes,
-- so that the income report and the progress report read a few rows per village instead of every household's
-- record (at a province's 10^6 households the income report's seven statements scanned the year's records six
-- times: 1.9 s; docs/report-plans.md). A band is where the household's per-capita income lies against the year's
-- policy figures (the work plan's): 0 below the poverty line, 1 up to the monitoring line, 2 up to twice the line,
-- 3 above; -1 while the year has no policy. A policy published or changed recounts its year.
create table annual_income_count (
    year          integer        not null,
    division_code text           not null,
    category      text           not null,
    band          smallint       not null,
    households    bigint         not null,
    persons       bigint         not null,
    income        numeric(20, 2) not null,
    primary key (year, division_code, category, band)
);

-- the band of a per-capita income under a policy (WorkPlanPublished.policy), with the lines as YearlyPolicy rounds
-- them: the poverty line and the factor to cents, the monitoring line their product to cents (no search path of its
-- own, so that PostgreSQL inlines it into the statements that count)
create function income_band(income numeric, policy jsonb) returns smallint language sql immutable as $$
    select case
        when policy is null then -1
        when income < round((policy ->> 'povertyLine')::numeric, 2) then 0
        when income < round(round((policy ->> 'povertyLine')::numeric, 2)
                * round((policy ->> 'monitoringLineFactor')::numeric, 2), 2) then 1
        when income < round((policy ->> 'povertyLine')::numeric, 2) * 2 then 2
        else 3
    end::smallint
$$;

-- adds changes (negative to take away) to the counts, one row per count changed
create function annual_income_count_add(changes annual_income_count[]) returns void language sql
set search_path = ${flyway:defaultSchema} as $$
    insert into annual_income_count (year, division_code, category, band, households, persons, income)
    select year, division_code, category, band, sum(households), sum(persons), sum(income) from unnest(changes)
    group by year, division_code, category, band
    having sum(households) <> 0 or sum(persons) <> 0 or sum(income) <> 0
    order by year, division_code, category, band
    on conflict (year, division_code, category, band) do update
        set households = annual_income_count.households + excluded.households,
            persons = annual_income_count.persons + excluded.persons,
            income = annual_income_count.income + excluded.income
$$;

-- A writer of records holds the year's counting lock shared, a recount holds it alone: a recount sees every record
-- committed before it, and a record written after it sees the policy it counted with. The lock comes first, in a
-- statement of its own, so that the policy is read in a snapshot taken after it.
create function annual_income_count_lock(years integer[], alone boolean) returns void language plpgsql
set search_path = ${flyway:defaultSchema} as $$
declare
    year integer;
begin
    for year in select distinct y from unnest(years) y order by 1 loop
        if alone then
            perform pg_advisory_xact_lock(hashtext('fupin.annual_income_count'), year);
        else
            perform pg_advisory_xact_lock_shared(hashtext('fupin.annual_income_count'), year);
        end if;
    end loop;
end
$$;

create function annual_income_count_apply() returns trigger language plpgsql
set search_path = ${flyway:defaultSchema} as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform annual_income_count_lock(array(select distinct year from new_rows), false);
    else
        perform annual_income_count_lock(array(select distinct year from old_rows), false);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform annual_income_count_add(array(
            select row(n.year, n.division_code, n.category, income_band(n.per_capita_income, w.policy), 1, n.size,
                n.per_capita_income)::annual_income_count
            from new_rows n left join work_plan_fact w on w.year = n.year));
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform annual_income_count_add(array(
            select row(o.year, o.division_code, o.category, income_band(o.per_capita_income, w.policy), -1, -o.size,
                -o.per_capita_income)::annual_income_count
            from old_rows o left join work_plan_fact w on w.year = o.year));
    end if;
    return null;
end
$$;

-- an insert … on conflict do update fires the insert trigger with the rows it inserted, the update trigger with the
-- rows it updated
create trigger annual_income_counted_in after insert on annual_income
    referencing new table as new_rows for each statement execute function annual_income_count_apply();
create trigger annual_income_counted_again after update on annual_income
    referencing old table as old_rows new table as new_rows for each statement execute function annual_income_count_apply();
create trigger annual_income_counted_out after delete on annual_income
    referencing old table as old_rows for each statement execute function annual_income_count_apply();

create function annual_income_count_clear() returns trigger language plpgsql
set search_path = ${flyway:defaultSchema} as $$
begin
    truncate annual_income_count;
    return null;
end
$$;

-- a truncate (a rebuild's fresh start) empties the counts with the records
create trigger annual_income_truncated after truncate on annual_income
    for each statement execute function annual_income_count_clear();

-- a year's counts anew from its records, under the policy the work plan has now
create function annual_income_recount(recounted integer) returns void language plpgsql
set search_path = ${flyway:defaultSchema} as $$
begin
    perform annual_income_count_lock(array[recounted], true);
    delete from annual_income_count where year = recounted;
    insert into annual_income_count (year, division_code, category, band, households, persons, income)
    select a.year, a.division_code, a.category, income_band(a.per_capita_income, w.policy), count(*), sum(a.size),
        sum(a.per_capita_income)
    from annual_income a left join work_plan_fact w on w.year = a.year
    where a.year = recounted
    group by 1, 2, 3, 4;
end
$$;

create function annual_income_policy_changed() returns trigger language plpgsql
set search_path = ${flyway:defaultSchema} as $$
begin
    if tg_op = 'INSERT' or old.policy is distinct from new.policy then
        perform annual_income_recount(new.year);
    end if;
    return null;
end
$$;

create trigger work_plan_policy_recounted after insert or update on work_plan_fact
    for each row execute function annual_income_policy_changed();

insert into annual_income_count (year, division_code, category, band, households, persons, income)
select a.year, a.division_code, a.category, income_band(a.per_capita_income, w.policy), count(*), sum(a.size),
    sum(a.per_capita_income)
from annual_income a left join work_plan_fact w on w.year = a.year
group by 1, 2, 3, 4;
