/**
 * The member's card and savings as the page reads them: the contract's types
 * (`contract/src/cards.ts`, `contract/src/till.ts`), imported as types only so
 * no schema library reaches the bundle.
 */
import type { MyCard as MyCardSchema } from '@coopnet/contract/cards';
import type { MySavings as MySavingsSchema, Redemption as RedemptionSchema } from '@coopnet/contract/till';
import type { z } from 'zod';

export type MyCard = z.infer<typeof MyCardSchema>;
export type MySavings = z.infer<typeof MySavingsSchema>;
export type Redemption = z.infer<typeof RedemptionSchema>;
