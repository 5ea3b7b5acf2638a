-- 账账相符 counts an area's annual records by year. Under row-level security every record's policy asks for its
-- household (an index probe and the household's own policy, record by record): 1.5–3.3 s a call at 140,000
-- households, paid by each reconciliation. The count is made as the owner, for the area the service passes (the
-- caller's scope, narrowed and checked as for every query: GET /internal/counts), matched by the same range the
-- policies use, and answers nothing but a number a year.
create function annual_record_counts(area text)
    returns table (year integer, records bigint)
    language sql stable security definer set search_path = household, pg_temp
as $$
    select a.year, count(*) from annual_record a join household h on h.id = a.household_id
    where h.division_code ~>=~ area and h.division_code ~<~ (area || '~')
    group by 1
$$;
revoke all on function annual_record_counts(text) from public;
