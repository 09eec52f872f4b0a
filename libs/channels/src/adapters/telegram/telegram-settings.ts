import { z } from 'zod';

/** What the Telegram channel reads (its webhook's secret token is the engine's: EngineSecrets). */
export const TELEGRAM_SETTINGS = {
  TELEGRAM_API_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'),
  /** Messages per second per bot (Telegram's bulk limit is about 30). */
  TELEGRAM_SENDS_PER_SECOND: z.coerce.number().int().positive().default(30),
};

export type TelegramSettings = z.infer<z.ZodObject<typeof TELEGRAM_SETTINGS>>;
