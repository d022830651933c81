-- Abuse limits shared by every instance on PostgreSQL: one row per client and limit (Bucket4j's token bucket state).
-- A row whose bucket would be full again is expired (expires_at, epoch milliseconds) and deleted by any instance.
-- On H2 (a single instance) the buckets live in memory and this table stays empty.

create table limit_bucket (
    id         varchar(255) not null primary key,
    state      bytea,
    expires_at bigint
);

create index limit_bucket_expires on limit_bucket (expires_at);
