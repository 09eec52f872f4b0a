import type { BusinessProfile } from '@voca/contracts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone, kept: building an Intl.DateTimeFormat costs more than the rest of a provider. */
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'full', timeStyle: 'short' });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * The time as the business's customers live it: in the profile's time zone (UTC when it names none or one the
 * runtime does not know), so "are you open now?" is answered against the business's own clock.
 */
export function businessTime(profile: Pick<BusinessProfile, 'timezone'>, now = new Date()): string {
  const zone = profile.timezone ?? 'UTC';
  try {
    return `${formatIn(zone).format(now)} (${zone})`;
  } catch {
    return `${formatIn('UTC').format(now)} (UTC)`;
  }
}
