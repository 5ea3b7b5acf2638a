-- After every migration: the service's application role (${app_role}) reads and writes rows and owns nothing, so it
-- can neither alter a table nor switch row-level security off. New tables are covered on the next start.
grant usage on schema monitoring to ${app_role};
grant select, insert, update, delete on all tables in schema monitoring to ${app_role};
grant usage, select on all sequences in schema monitoring to ${app_role};
