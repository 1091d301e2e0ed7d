/** Ventures' tables (migration 0025). */
import type { NeedKind, VentureStage } from '@coopnet/contract/ventures';

export interface VentureTable {
  id: string;
  name: string;
  description: string;
  sector: string | null;
  stage: VentureStage;
  coop_id: string | null;
  proposed_by: string;
  created_at: string;
  updated_at: string;
}

export interface VentureStageChangeTable {
  id: string;
  venture_id: string;
  from_stage: VentureStage | null;
  to_stage: VentureStage;
  reason: string | null;
  changed_by: string | null;
  changed_at: string;
}

export interface VentureNeedTable {
  id: string;
  venture_id: string;
  kind: NeedKind;
  description: string;
  met: number;
  created_at: string;
}

export interface VentureTeamTable {
  venture_id: string;
  person_id: string;
  role: string;
  joined_at: string;
}

export interface VentureOfferTable {
  id: string;
  venture_id: string;
  person_id: string;
  kind: 'skill' | 'join';
  text: string;
  status: 'open' | 'accepted' | 'declined' | 'withdrawn';
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface VentureTables {
  ventures: VentureTable;
  venture_stage_changes: VentureStageChangeTable;
  venture_needs: VentureNeedTable;
  venture_team: VentureTeamTable;
  venture_offers: VentureOfferTable;
}
