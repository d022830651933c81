-- Digests of the compiled-rules cache entries this service wrote (issue 14). An entry in advisor.rules.cache-dir is
-- used only when its SHA-256 is recorded here for its key: the digest is kept apart from the entry, so a file
-- planted in (or copied into) the cache folder is never run.

create table rules_cache_digest (
    sha256      varchar(64) not null primary key,
    cache_key   varchar(64) not null,
    recorded_at timestamp with time zone not null
);

create index rules_cache_digest_recorded on rules_cache_digest (recorded_at);
