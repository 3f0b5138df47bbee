-- Model registry: every trained version of an analytics model with its training window, data size
-- and hold-out metrics; one active version per model, replaced only by one that is not worse.
create table analytics_models (
    id              bigserial primary key,
    name            text not null,
    version         integer not null,
    training_from   date,
    training_to     date,
    rows            integer not null check (rows >= 0),
    metrics         jsonb not null default '{}'::jsonb,
    primary_metric  text,
    primary_value   double precision,
    active          boolean not null default false,
    trained_at      timestamptz not null,
    unique (name, version)
);
create unique index analytics_models_active_uq on analytics_models (name) where active;
