-- A search by someone who sees only some owners' records (a sales rep, a manager's team) walks those owners'
-- records in "recently updated first" order (SortedSearch with RecordAccess.walkParts) instead of everyone's:
-- with twelve owners, the contacts_updated_idx walk tested twelve rows for each one the rep may see (a common
-- name at a million contacts: 121 ms against 3 ms; docs/benchmarks.md). Like contacts_updated_idx, the index
-- carries the columns a search tests, so the walk does not visit the table. The columns are bounded as
-- described in V202612031400.
create index contacts_owner_updated_idx on contacts (owner_id, updated_at, id)
  include (phone_digits, search_text, search_grams);

create index accounts_owner_updated_idx on accounts (owner_id, updated_at, id)
  include (phone_digits, search_text, search_grams);
