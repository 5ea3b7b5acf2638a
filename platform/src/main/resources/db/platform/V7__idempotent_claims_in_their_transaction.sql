-- A key's claim is now written in the transaction of the request it guards (IdempotencyFilter) and is never seen
-- committed while that request runs. Claims committed ahead of their request by the earlier version, whose request
-- never finished (a service killed in the middle), refused every retry for ever: they go.
delete from idempotent_request where state = 'IN_PROGRESS';
