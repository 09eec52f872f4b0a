import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

/** What the X channel reads. */
export const X_SETTINGS = {
  X_API_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.x.com'),
  /** X Account Activity webhooks: the app's consumer secret (signatures and CRC). */
  X_CONSUMER_SECRET: z.string().min(8).optional(),
  /** The Account Activity webhook registered for the app, and the app's bearer token (to remove subscriptions). */
  X_WEBHOOK_ID: z
    .string()
    .regex(/^\d{1,32}$/, 'must be the numeric webhook id')
    .optional(),
  X_APP_BEARER_TOKEN: z.string().min(8).optional(),
  /** DMs per 15 minutes per X account. */
  X_DMS_PER_15_MINUTES: positiveInt.default(200),
};

export type XSettings = z.infer<z.ZodObject<typeof X_SETTINGS>>;
