import { DEFAULT_HEALTH_PORTS } from '@voca/config';
import { dashboardLink } from '../dashboard-pass.js';
import { developerEnvOrExit } from './developer-env.js';

// Run beside the four apps by `npm start`: waits until every app says it is ready, then prints one line with where
// to go. It then stays (concurrently stops every app when one of its processes ends) until the others stop.
const TOOL = 'ready';
/** Long enough for a first start (migrations, ElizaOS loading); past it, the line says who is not ready. */
const WAIT_MS = 180_000;

// `npm start` may run a production configuration: the line is printed then too, without a dashboard link.
const env = developerEnvOrExit(TOOL, { refuseProduction: false });
const host = new URL(env.gatewayUrl).hostname;
// The workers' health endpoints: this host on their default ports, or VOCA_HEALTH_URLS (comma-separated, in the
// order aws-connect-worker, elizaos-worker, context-service) when they run elsewhere.
const healthUrls = process.env.VOCA_HEALTH_URLS?.split(',').map((url) => url.trim().replace(/\/$/, ''));
const apps: [string, string][] = [
  ['api-gateway', env.gatewayUrl],
  ...Object.entries(DEFAULT_HEALTH_PORTS).map(([app, port], i): [string, string] => [
    app,
    healthUrls?.[i] ?? `http://${host}:${port}`,
  ]),
];

const ready = async (url: string) =>
  fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );

const deadline = Date.now() + WAIT_MS;
let waiting = apps;
while (waiting.length > 0 && Date.now() < deadline) {
  const states = await Promise.all(waiting.map(async ([, url]) => ready(url)));
  waiting = waiting.filter((_, i) => !states[i]);
  if (waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
}
const url = env.gatewayUrl;
if (waiting.length > 0) {
  console.log(`not ready after ${WAIT_MS / 1000} s: ${waiting.map(([app]) => app).join(', ')} (see their lines above)`);
} else {
  const queues =
    env.NODE_ENV === 'development'
      ? `queues ${dashboardLink(url, env.JWT_SECRET_KEY)} (a one-time link; \`npm run token -- --dashboard\` makes another) · \`npm run token\` for a bearer token`
      : `queues ${url}/admin/queues (service role bearer token)`;
  console.log(`Voca AI Engine ready: API ${url}/api/v1 · docs ${url}/docs · ${queues}`);
}
setInterval(() => undefined, 1 << 30);
