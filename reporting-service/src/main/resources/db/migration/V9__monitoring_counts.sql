-- The monitoring objects of each village by year, type, status and whether they were helped, and by risk, kept by
-- statement triggers as monitoring_fact changes: the monitoring report reads a few rows per village instead of
-- scanning every object six times (0.4 s at 112,000 objects under a province's 10^6 households, the risks' unnest
-- alone 0.15 s; docs/report-plans.md).
create table monitoring_count (
    year          integer not null,
    division_code text    not null,
    object_type   text    not null,
    status        text    not null,
    assisted      boolean not null,
    objects       bigint  not null,
    primary key (year, division_code, object_type, status, assisted)
);

create table monitoring_risk_count (
    year          integer not null,
    division_code text    not null,
    status        text    not null,
    risk          text    not null,
    objects       bigint  not null,
    primary key (year, division_code, status, risk)
);

create function monitoring_count_add(changes monitoring_count[]) returns void language sql
set search_path = ${flyway:defaultSchema} as $$
    insert into monitoring_count (year, division_code, object_type, status, assisted, objects)
    select year, division_code, object_type, status, assisted, sum(objects) from unnest(changes)
    group by year, division_code, object_type, status, assisted
    having sum(objects) <> 0
    order by year, division_code, object_type, status, assisted
    on conflict (year, division_code, object_type, status, assisted) do update
        set objects = monitoring_count.objects + excluded.objects
$$;

create function monitoring_risk_count_add(changes monitoring_risk_count[]) returns void language sql
set search_path = ${flyway:defaultSchema} as $$
    insert into monitoring_risk_count (year, division_code, status, risk, objects)
    select year, division_code, status, risk, sum(objects) from unnest(changes)
    group by year, division_code, status, risk
    having sum(objects) <> 0
    order by year, division_code, status, risk
    on conflict (year, division_code, status, risk) do update
        set objects = monitoring_risk_count.objects + excluded.objects
$$;

-- each object counted once (+1 for a row written, -1 for a row replaced or taken away), and once per risk it names
create function monitoring_count_apply() returns trigger language plpgsql
set search_path = ${flyway:defaultSchema} as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform monitoring_count_add(array(
            select row(year, division_code, object_type, status, assistance_count > 0, 1)::monitoring_count
            from new_rows));
        perform monitoring_risk_count_add(array(
            select row(n.year, n.division_code, n.status, risk, 1)::monitoring_risk_count
            from new_rows n, unnest(string_to_array(n.risks, ',')) as risk));
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform monitoring_count_add(array(
            select row(year, division_code, object_type, status, assistance_count > 0, -1)::monitoring_count
            from old_rows));
        perform monitoring_risk_count_add(array(
            select row(o.year, o.division_code, o.status, risk, -1)::monitoring_risk_count
            from old_rows o, unnest(string_to_array(o.risks, ',')) as risk));
    end if;
    return null;
end
$$;

-- an insert … on conflict do update fires the insert trigger with the rows it inserted, the update trigger with the
-- rows it updated
create trigger monitoring_fact_counted_in after insert on monitoring_fact
    referencing new table as new_rows for each statement execute function monitoring_count_apply();
create trigger monitoring_fact_counted_again after update on monitoring_fact
    referencing old table as old_rows new table as new_rows for each statement execute function monitoring_count_apply();
create trigger monitoring_fact_counted_out after delete on monitoring_fact
    referencing old table as old_rows for each statement execute function monitoring_count_apply();

create function monitoring_count_clear() returns trigger language plpgsql
set search_path = ${flyway:defaultSchema} as $$
begin
    truncate monitoring_count, monitoring_risk_count;
    return null;
end
$$;

-- a truncate (a rebuild's fresh start) empties the counts with the facts
create trigger monitoring_fact_truncated after truncate on monitoring_fact
    for each statement execute function monitoring_count_clear();

insert into monitoring_count (year, division_code, object_type, status, assisted, objects)
select year, division_code, object_type, status, assistance_count > 0, count(*) from monitoring_fact
group by 1, 2, 3, 4, 5;

insert into monitoring_risk_count (year, division_code, status, risk, objects)
select m.year, m.division_code, m.status, risk, count(*)
from monitoring_fact m, unnest(string_to_array(m.risks, ',')) as risk
group by 1, 2, 3, 4;
