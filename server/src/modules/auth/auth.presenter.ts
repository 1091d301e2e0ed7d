/** Rows to API shapes. A token's secret is never presented here: only `create` returns it, once. */
import { parseStoredStrings } from '../../platform/stored-json.ts';

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
    scopes: parseStoredStrings(t.scopes, 'api_tokens.scopes'),
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
  };
}
