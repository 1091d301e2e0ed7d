import type { Abilities } from '@coopnet/contract/auth';
import type { ReactNode } from 'react';
import { useAbilities, useSession } from '../api/session.ts';
import { Loading } from './Loading.tsx';
import { NoAccess } from './NoAccess.tsx';

type Flag = { [K in keyof Abilities]: Abilities[K] extends boolean ? K : never }[keyof Abilities];

/** Shows the page only when the server's abilities include `ability`; the server still checks every request. */
export function RequireAbility({ ability, children }: { ability: Flag; children: ReactNode }) {
  const { isPending } = useSession();
  const abilities = useAbilities();
  if (isPending) return <Loading />;
  return abilities[ability] ? <>{children}</> : <NoAccess />;
}
