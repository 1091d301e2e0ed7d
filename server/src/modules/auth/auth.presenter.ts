/** Rows to API shapes. A token's secret is never presented here: only `create` returns it, once. */
export function presentApiToken(t: {
  id: string;
  name: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
}) {
  return {
    id: t.id,
    name: t.name,
    scopes: JSON.parse(t.scopes) as string[],
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
  };
}
