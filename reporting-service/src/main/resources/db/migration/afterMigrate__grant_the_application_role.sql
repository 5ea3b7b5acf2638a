-- After every migration of a read-model schema (reporting, or a rebuild's reporting_rm_*): the service's application
-- role (${app_role}) reads and writes rows and owns nothing, so it can neither alter nor drop a table. Rebuilds
-- create and drop their schemas as the owner (rebuild/ReadModelGenerations).
grant usage on schema ${flyway:defaultSchema} to ${app_role};
grant select, insert, update, delete on all tables in schema ${flyway:defaultSchema} to ${app_role};
grant usage, select on all sequences in schema ${flyway:defaultSchema} to ${app_role};
