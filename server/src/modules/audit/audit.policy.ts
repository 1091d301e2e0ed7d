/** Who may read the network's registers: the rules live with the network's settings. */
import { networkPolicy } from '../network/index.ts';

export const auditPolicy = {
  readAudit: networkPolicy.readAudit,
  readOutbox: networkPolicy.readOutbox,
};
