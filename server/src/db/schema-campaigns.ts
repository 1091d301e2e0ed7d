/** Table types of campaigns and pledges (migration 0020). Money in cents. */
export interface CampaignTable {
  id: string;
  slug: string;
  owner_kind: 'network' | 'coop' | 'group';
  owner_coop_id: string | null;
  owner_name: string;
  beneficiary_private: string;
  title: string;
  summary: string;
  story: string;
  goal_cents: number;
  deadline: string;
  sub_fund: string;
  tiers_json: string;
  free_amount: number;
  minimum_cents: number;
  created_by: string | null;
  created_at: string;
}

export type PledgeStatus = 'pending' | 'active' | 'paused' | 'cancelled' | 'lapsed' | 'done';

export interface CampaignPledgeTable {
  id: string;
  campaign_id: string;
  reference: string;
  cents: number;
  frequency: 'one_off' | 'monthly';
  supporter_name: string;
  email: string;
  token_hash: string;
  status: PledgeStatus;
  made_on: string;
  created_at: string;
  updated_at: string;
  /** the supporter's language (en, es); null: the network's (migration 0027) */
  locale: string | null;
  /** the payment provider's name; `bank_transfer` is built in (migration 0027) */
  provider: string;
}

export interface CampaignPledgeDueTable {
  id: string;
  pledge_id: string;
  period: string;
  cents: number;
  movement_id: string | null;
  paid_on: string | null;
  bank_line: string | null;
  created_at: string;
}

export interface CampaignUpdateTable {
  id: string;
  campaign_id: string;
  body: string;
  author_id: string | null;
  created_at: string;
}

export interface CampaignTables {
  campaigns: CampaignTable;
  campaign_pledges: CampaignPledgeTable;
  campaign_pledge_dues: CampaignPledgeDueTable;
  campaign_updates: CampaignUpdateTable;
}
