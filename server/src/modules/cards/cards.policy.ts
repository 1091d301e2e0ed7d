/** Who holds a member card: an active worker of a member co-op, or an active supporter. */
export interface Holder {
  status: string;
  supporter: number;
  coop_id: string | null;
  coop_status: string | null;
}

export const cardsPolicy = {
  /** The worker card wins when a worker is also a supporter: it names their co-op. */
  cardKind(h: Holder): 'worker' | 'supporter' | null {
    if (h.status !== 'active') return null;
    if (h.coop_id && h.coop_status === 'member') return 'worker';
    if (h.supporter === 1) return 'supporter';
    return null;
  },
};
