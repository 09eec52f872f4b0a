/**
 * The one error the inbound parsers throw: the payload is not the shape the platform documents (a field missing or
 * of the wrong type, too many events). The message names the offending field by its JSON path, e.g.
 * `entry[0].changes[0].value.metadata.phone_number_id is missing`, so a 400 answer or a log line says what is wrong.
 * Anything else escaping a parser is a bug (a property test holds them to that for arbitrary JSON).
 */
export class WebhookPayloadError extends Error {
  /** The JSON path of the offending field, when one field is to blame (`entry[0].changes`, `caller`...). */
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'WebhookPayloadError';
    this.field = field;
  }
}

/** A payload carrying more events than one delivery may: refused as a whole, never read item by item. */
export class WebhookPayloadTooLarge extends WebhookPayloadError {
  constructor(message: string, field?: string) {
    super(message, field);
    this.name = 'WebhookPayloadTooLarge';
  }
}
