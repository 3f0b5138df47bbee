-- Lead scoring: the parameters of every registered version of the lead-scoring model (so every node
-- scores with the active one), and the training runs with their progress.
create table analytics_lead_models (
    version     integer primary key,
    parameters  jsonb not null,
    created_at  timestamptz not null default now()
);

create table analytics_training_runs (
    id            bigserial primary key,
    model         text not null,
    trigger       text not null,
    state         text not null check (state in ('queued', 'running', 'done', 'skipped', 'failed')),
    step          text,
    message       text,
    result        jsonb not null default '{}'::jsonb,
    requested_by  bigint,
    requested_at  timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz
);
create index analytics_training_runs_model_idx on analytics_training_runs (model, id desc);
