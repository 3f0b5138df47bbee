-- Runs of the duplicate scan (issue 5): the progress shown while one runs, and the lock that keeps
-- a second scan from starting on any node while one is running (the partial unique index). A run
-- whose node stopped sending heartbeats is taken over as abandoned by the next one.
create table duplicate_scans (
    id           bigserial primary key,
    entity       text        not null check (entity in ('contacts', 'accounts')),
    status       text        not null default 'running' check (status in ('running', 'done', 'failed')),
    phase        text        not null default 'reading',
    node         text        not null,
    trigger      text        not null,
    records      bigint      not null default 0,
    blocks_total bigint      not null default 0,
    blocks_done  bigint      not null default 0,
    comparisons  bigint      not null default 0,
    candidates   bigint      not null default 0,
    stored       bigint      not null default 0,
    error        text,
    started_by   bigint,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null,
    finished_at  timestamptz
);
create unique index duplicate_scans_one_running_idx on duplicate_scans ((true)) where status = 'running';
create index duplicate_scans_recent_idx on duplicate_scans (entity, id desc);
