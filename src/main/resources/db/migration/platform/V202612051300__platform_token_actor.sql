-- The user an API token stands for, by the token's hash (platform.security.ApiTokens.authenticate): every API
-- request runs this lookup. The application's sessions plan every statement for its values (plan_cache_mode =
-- force_custom_plan, see platform.db.DatabaseSettings), which for a lookup by a unique key only makes the same plan
-- again; planning the join was three quarters of the lookup's time in PostgreSQL (EXPLAIN: 0.057 of 0.075 ms).
-- PL/pgSQL keeps its queries' plans for the session, and the function's own setting makes this one a generic plan,
-- made on the first call on each connection.
create function api_token_actor(p_token_hash text, p_now timestamptz)
    returns table (token_id bigint, last_used_at timestamptz, user_id bigint, username text, display_name text,
                   role text, team_id bigint)
    language plpgsql stable
    set plan_cache_mode = force_generic_plan
as $$
begin
    return query
        select t.id, t.last_used_at, u.id, u.username, u.display_name, u.role, u.team_id
        from api_tokens t join users u on u.id = t.user_id
        where t.token_hash = p_token_hash and t.revoked_at is null
          and (t.expires_at is null or t.expires_at > p_now) and u.enabled;
end
$$;
