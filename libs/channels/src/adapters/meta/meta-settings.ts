import { z } from 'zod';

/** What every Meta channel reads: the Graph API, and the app's webhook secrets. */
export const META_SETTINGS = {
  META_GRAPH_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com'),
  META_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v21.0')
    .default('v21.0'),
  /** Meta webhooks: the app secret that signs them and the token of the verification handshake. */
  META_APP_SECRET: z.string().min(8).optional(),
  META_VERIFY_TOKEN: z.string().min(8).optional(),
};

export type MetaSettings = z.infer<z.ZodObject<typeof META_SETTINGS>>;

/** Sends per second per Messenger Page or Instagram account (the Send API's budget, which the two share). */
export const SEND_API_SETTINGS = {
  MESSENGER_SENDS_PER_SECOND: z.coerce.number().int().positive().default(40),
};
