-- Agents' corrections of the sentiment of a customer's text (a ticket's description, a customer's
-- message on a ticket): the label they chose, the model's label it replaced and the text it judged,
-- so the company sentiment model can learn from it even after the text changes.
create table analytics_sentiment_corrections (
    source        text not null check (source in ('ticket', 'reply')),
    source_id     bigint not null,
    text          text not null,
    label         text not null check (label in ('positive', 'neutral', 'negative')),
    model_label   text not null check (model_label in ('positive', 'neutral', 'negative')),
    corrected_by  bigint,
    corrected_at  timestamptz not null,
    primary key (source, source_id)
);
create index analytics_sentiment_corrections_at_idx on analytics_sentiment_corrections (corrected_at);
