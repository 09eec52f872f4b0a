import { parseArgs } from 'node:util';
import { dashboardLink } from '../dashboard-pass.js';
import { developmentToken } from '../development-token.js';
import { developerEnvOrExit, exit } from './developer-env.js';

// `npm run token`: a development bearer token for the service role, `-- --vendor <id>` for one vendor's, or
// `-- --dashboard` for a one-time link to the queue dashboard. Signed with .env's JWT_SECRET_KEY.
const TOOL = 'npm run token';
let options: { vendor?: string; dashboard?: boolean };
try {
  ({ values: options } = parseArgs({
    options: { vendor: { type: 'string' }, dashboard: { type: 'boolean' } },
    strict: true,
  }));
} catch (error) {
  exit(TOOL, `${(error as Error).message}\nusage: ${TOOL} [-- --vendor <vendor_id> | --dashboard]`);
}
const env = developerEnvOrExit(TOOL);
if (options.dashboard) {
  process.stdout.write(`${dashboardLink(env.gatewayUrl, env.JWT_SECRET_KEY)}\n`);
} else {
  const vendorId = options.vendor?.trim();
  if (options.vendor !== undefined && !vendorId) exit(TOOL, '--vendor needs a vendor id');
  process.stdout.write(`${developmentToken(env, vendorId ? { vendorId } : { role: 'service' })}\n`);
}
