import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, type ConnectTurnRequest } from '@voca/contracts';
import {
  packageVoiceLambda,
  resolveVoiceLambdaHandlerPath,
  VOICE_LAMBDA_HANDLER,
  VOICE_LAMBDA_HANDLER_SOURCE_PATH,
  VOICE_LAMBDA_RUNTIME,
} from './index.js';

type Handler = (event: unknown, context?: unknown) => Promise<Record<string, string>>;

describe('packageVoiceLambda', () => {
  it('is deterministic and reports the base64 SHA-256 of the zip, like Lambda’s CodeSha256', async () => {
    const first = await packageVoiceLambda();
    const second = await packageVoiceLambda();
    expect(second.sha256).toBe(first.sha256);
    expect(second.zip.equals(first.zip)).toBe(true);
    expect(first.sha256).toBe(createHash('sha256').update(first.zip).digest('base64'));
    expect(first.sha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(VOICE_LAMBDA_HANDLER).toBe('index.handler');
    expect(VOICE_LAMBDA_RUNTIME).toBe('nodejs20.x');
  });

  it('holds exactly index.mjs at the root, the handler source byte for byte, readable by Lambda', async () => {
    const { zip } = await packageVoiceLambda();
    const archive = await JSZip.loadAsync(zip);
    expect(Object.keys(archive.files)).toEqual(['index.mjs']);
    const entry = archive.file('index.mjs')!;
    expect(entry.dir).toBe(false);
    expect(entry.unixPermissions).toBe(0o100644);
    expect(entry.date.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    const source = await readFile(resolveVoiceLambdaHandlerPath(), 'utf8');
    expect(await entry.async('string')).toBe(source);
  });

  it('finds the handler from source and, compiled into dist/, under the repository root', () => {
    const fromSource = resolveVoiceLambdaHandlerPath();
    expect(fromSource).toBe(fileURLToPath(new URL('./handler/index.mjs', import.meta.url)));
    // Where tsc puts this module: the .mjs is not copied there, so the lookup walks up to package.json.
    const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
    const compiled = pathToFileURL(join(repoRoot, 'dist/libs/aws-connect/src/voice-lambda/package-voice-lambda.js'));
    expect(resolveVoiceLambdaHandlerPath(compiled)).toBe(join(repoRoot, VOICE_LAMBDA_HANDLER_SOURCE_PATH));
    // Nowhere to be found: a clear error rather than an empty zip.
    expect(() => resolveVoiceLambdaHandlerPath(pathToFileURL('/nonexistent-root/a/b/module.js'))).toThrow(
      /voice Lambda handler source was not found/,
    );
  });

  it('unzips into a module that loads and answers a Connect event through the engine', async () => {
    const secret = 'packaged-secret';
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ reply: 'Hi, this is Shop. How can I help?', action: 'continue' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = await mkdtemp(join(tmpdir(), 'voice-lambda-'));
    const saved = { url: process.env.ENGINE_WEBHOOK_URL, secret: process.env.WEBHOOK_SECRET };
    try {
      const { zip } = await packageVoiceLambda();
      const archive = await JSZip.loadAsync(zip);
      const file = join(dir, 'index.mjs');
      await writeFile(file, await archive.file('index.mjs')!.async('nodebuffer'));
      const mod = (await import(pathToFileURL(file).href)) as { handler: Handler };
      expect(typeof mod.handler).toBe('function');

      process.env.ENGINE_WEBHOOK_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/webhooks/connect`;
      process.env.WEBHOOK_SECRET = secret;
      const result = await mod.handler(
        {
          Name: 'ContactFlowEvent',
          Details: {
            ContactData: {
              Attributes: {},
              Channel: 'VOICE',
              ContactId: 'c-1',
              InitialContactId: 'c-1',
              InitiationMethod: 'INBOUND',
              InstanceARN: 'arn:aws:connect:us-east-1:123456789012:instance/i-1',
              CustomerEndpoint: { Address: '+15551230000', Type: 'TELEPHONE_NUMBER' },
              SystemEndpoint: { Address: '+12065550123', Type: 'TELEPHONE_NUMBER' },
              Queue: null,
              MediaStreams: { Customer: { Audio: null } },
            },
            Parameters: { agent_id: 'agent-1', utterance: '' },
          },
        },
        { awsRequestId: 'r-1', getRemainingTimeInMillis: () => 8_000 },
      );

      expect(result).toEqual({ reply: 'Hi, this is Shop. How can I help?', action: 'continue' });
      expect(received).toHaveLength(1);
      const { headers, body } = received[0]!;
      expect(JSON.parse(body) as ConnectTurnRequest).toMatchObject({
        agent_id: 'agent-1',
        contact_id: 'c-1',
        channel: 'voice',
      });
      const timestamp = String(headers[WEBHOOK_TIMESTAMP_HEADER]);
      expect(headers[WEBHOOK_SIGNATURE_HEADER]).toBe(
        `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
      );
    } finally {
      if (saved.url === undefined) delete process.env.ENGINE_WEBHOOK_URL;
      else process.env.ENGINE_WEBHOOK_URL = saved.url;
      if (saved.secret === undefined) delete process.env.WEBHOOK_SECRET;
      else process.env.WEBHOOK_SECRET = saved.secret;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    }
  });
});
