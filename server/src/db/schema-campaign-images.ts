/** Table types of campaign images (migration 0026). */
export interface CampaignImageTable {
  id: string;
  campaign_id: string;
  file: string;
  width: number;
  height: number;
  bytes: number;
  cover: number;
  uploaded_by: string | null;
  created_at: string;
}

export interface CampaignImageTables {
  campaign_images: CampaignImageTable;
}
