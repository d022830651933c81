-- Share tokens move to a table of their own. H2 rewrites every index of a row it updates, so the unique index on
-- conversation.share_token was written again on every answer although a token changes only when its owner turns
-- sharing on or off (docs/benchmarks.md, "What H2 writes per turn"). Tokens keep their values: links keep working.
create table conversation_share (
    conversation_id varchar(64) not null primary key references conversation (id) on delete cascade,
    share_token     varchar(64) not null,
    constraint conversation_share_token_once unique (share_token)
);

insert into conversation_share (conversation_id, share_token)
    select id, share_token from conversation where share_token is not null;

drop index conversation_share_token;
alter table conversation drop column share_token;
