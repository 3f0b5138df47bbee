-- Imports run as jobs: the uploaded file (in chunks, so it is read back as a stream), the progress
-- and checkpoint (updated in the same transaction as each batch of rows), and the row-level errors.
create table imports (
    id               bigserial primary key,
    entity           text        not null check (entity in ('contacts', 'accounts', 'leads', 'orders')),
    -- draft: uploaded in the wizard, not yet started
    status           text        not null default 'queued'
                                 check (status in ('draft', 'queued', 'running', 'done', 'failed', 'cancelled')),
    file_name        text        not null,
    file_size        bigint      not null,
    format           text        not null check (format in ('csv', 'xlsx')),
    encoding         text,
    delimiter        text,
    headers          jsonb       not null,
    mapping          jsonb       not null,
    duplicates       text        not null check (duplicates in ('skip', 'update', 'create')),
    dry_run          boolean     not null default false,
    default_country  text        not null default 'US',
    rows_total       bigint      not null,
    rows_read        bigint      not null default 0,
    rows_written     bigint      not null default 0,
    rows_updated     bigint      not null default 0,
    rows_skipped     bigint      not null default 0,
    rows_rejected    bigint      not null default 0,
    -- the last file row (1 = first data row) whose outcome is committed
    checkpoint_row   bigint      not null default 0,
    attempts         int         not null default 0,
    resumes          int         not null default 0,
    cancel_requested boolean     not null default false,
    error            text,
    created_by       bigint      not null,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);
create index imports_creator_idx on imports (created_by, id desc);

create table import_chunks (
    import_id bigint not null references imports (id) on delete cascade,
    seq       int    not null,
    content   bytea  not null,
    primary key (import_id, seq)
);

create table import_errors (
    import_id   bigint not null references imports (id) on delete cascade,
    row_no      bigint not null,
    column_name text,
    value       text,
    reason      text   not null
);
create index import_errors_import_idx on import_errors (import_id, row_no);

-- Records each import wrote, so a resumed run knows what it did and a report can list them.
create table import_rows (
    import_id bigint not null references imports (id) on delete cascade,
    row_no    bigint not null,
    record_id bigint not null,
    action    text   not null check (action in ('created', 'updated')),
    primary key (import_id, row_no)
);

-- Column mappings remembered per file layout (the normalised header row) and entity.
create table import_mappings (
    entity     text        not null,
    layout     text        not null,
    mapping    jsonb       not null,
    updated_at timestamptz not null,
    primary key (entity, layout)
);

-- Candidate duplicate pairs (from imports and from the scheduled scan), left_id < right_id.
create table duplicate_candidates (
    id          bigserial primary key,
    entity      text             not null check (entity in ('contacts', 'accounts')),
    left_id     bigint           not null,
    right_id    bigint           not null,
    score       double precision not null,
    reasons     jsonb            not null,
    status      text             not null default 'open' check (status in ('open', 'dismissed', 'merged')),
    source      text             not null,
    found_at    timestamptz      not null,
    check (left_id < right_id),
    unique (entity, left_id, right_id)
);
create index duplicate_candidates_open_idx on duplicate_candidates (entity, status, score desc, id);
