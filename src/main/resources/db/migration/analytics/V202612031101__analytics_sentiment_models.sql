-- The company sentiment model of a registry version ('sentiment-company'): per language, the linear
-- model's weights and bias with its hold-out accuracy and the shipped default's on the same texts,
-- so that every node analyses with the same model.
create table analytics_sentiment_models (
    registry_id  bigint primary key references analytics_models (id) on delete cascade,
    model        jsonb not null
);
