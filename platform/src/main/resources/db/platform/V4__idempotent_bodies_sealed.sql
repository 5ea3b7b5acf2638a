-- Kept answers are stored encrypted from now on (IdempotencyFilter); those kept in the clear before are dropped:
-- a retry of such a request is still answered with its status, Location and ETag, without the body.
update idempotent_request set body = null where body is not null;
