-- Merges of two records into one, with what is needed to undo them: the survivor's fields before
-- the merge (the merged record's row and the moved references are kept by their own modules).
create table merges (
    id              bigserial primary key,
    entity          text        not null check (entity in ('contacts', 'accounts')),
    survivor_id     bigint      not null,
    merged_id       bigint      not null,
    fields          jsonb       not null,
    survivor_before jsonb,
    moved           jsonb       not null default '{}',
    status          text        not null default 'merged' check (status in ('merged', 'undone')),
    created_by      bigint      not null,
    created_at      timestamptz not null,
    undone_at       timestamptz
);

alter table duplicate_candidates add column merge_id bigint;
