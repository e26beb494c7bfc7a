-- Slipway schema, version 6: one atomic way to record a tenant condition.
--
-- Several writers record conditions on one tenant at the same time (the worker's command handler
-- records Applied, its Deployment informer records Ready), so a read-modify-write in Java would lose
-- updates. This function replaces the condition of one type inside the UPDATE itself. Conditions
-- stay sorted by type, and lastTransitionTime moves only when the status changes, so it says since
-- when the tenant has been in that state (the Kubernetes convention).
CREATE FUNCTION slipway_set_condition(
    current_conditions jsonb, ctype text, cstatus text, creason text, cmessage text)
RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_agg(c ORDER BY c->>'type'), '[]'::jsonb)
    FROM (
        SELECT c FROM jsonb_array_elements(coalesce(current_conditions, '[]'::jsonb)) AS c
        WHERE c->>'type' <> ctype
        UNION ALL
        SELECT jsonb_build_object(
            'type', ctype, 'status', cstatus, 'reason', creason, 'message', cmessage,
            'lastTransitionTime', coalesce(
                (SELECT o->>'lastTransitionTime'
                 FROM jsonb_array_elements(coalesce(current_conditions, '[]'::jsonb)) AS o
                 WHERE o->>'type' = ctype AND o->>'status' = cstatus
                 LIMIT 1),
                to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
    ) AS merged(c)
$$;
