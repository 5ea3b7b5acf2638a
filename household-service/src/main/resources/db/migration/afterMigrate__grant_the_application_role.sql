-- After every migration: the service's application role (${app_role}) reads and writes rows and owns nothing, so it
-- can neither alter a table nor switch row-level security off. New tables are covered on the next start.
grant usage on schema household to ${app_role};
grant select, insert, update, delete on all tables in schema household to ${app_role};
grant usage, select on all sequences in schema household to ${app_role};
grant execute on all functions in schema household to ${app_role};
-- A partition is reached through its table, whose row-level security applies (migration 32), never by its own name.
do $$
declare
    partition_name regclass;
begin
    for partition_name in select c.oid::regclass from pg_class c
            where c.relispartition and c.relkind in ('r', 'p') and c.relnamespace = 'household'::regnamespace loop
        execute format('revoke all on %s from %I', partition_name, '${app_role}');
    end loop;
end;
$$;
