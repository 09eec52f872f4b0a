import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

/** The Lambda handler setting for the shared voice function: `handler` exported by `index.mjs` at the zip root. */
export const VOICE_LAMBDA_HANDLER = 'index.handler';
export const VOICE_LAMBDA_RUNTIME = 'nodejs20.x';
/** The handler source, relative to the repository root (the directory holding package.json). */
export const VOICE_LAMBDA_HANDLER_SOURCE_PATH = 'libs/aws-connect/src/voice-lambda/handler/index.mjs';
/** The entry's name inside the zip. */
export const VOICE_LAMBDA_ZIP_ENTRY = 'index.mjs';

/**
 * Every entry carries this date, so the same source always gives the same bytes (and the same CodeSha256, which lets
 * the provisioner see that the deployed function is current). jszip writes the DOS date in UTC.
 */
const FIXED_ZIP_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));
/** A regular file, rw-r--r--: Lambda must be able to read it whatever the packaging machine's umask was. */
const ZIP_FILE_MODE = 0o100644;

/**
 * Where the handler source is.
 *
 * From source (vitest, tsx) it sits beside this module: `./handler/index.mjs` relative to `import.meta.url`. Once tsc
 * has compiled the app into dist/libs/aws-connect/src/voice-lambda/, the `.mjs` is not there (tsc copies no `.mjs`), so
 * the lookup walks up from this module's directory to the first directory holding a package.json (the repository, or
 * the image's /app) and takes VOICE_LAMBDA_HANDLER_SOURCE_PATH under it. A runtime image must therefore ship that file
 * alongside dist/.
 *
 * @param moduleUrl the URL to resolve from; this module's own URL unless a test says otherwise.
 */
export function resolveVoiceLambdaHandlerPath(moduleUrl: string | URL = import.meta.url): string {
  const beside = fileURLToPath(new URL('./handler/index.mjs', moduleUrl));
  if (existsSync(beside)) return beside;
  const tried = [beside];
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      const underRoot = join(dir, VOICE_LAMBDA_HANDLER_SOURCE_PATH);
      if (existsSync(underRoot)) return underRoot;
      tried.push(underRoot);
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`The voice Lambda handler source was not found (looked at ${tried.join(', ')})`);
}

/**
 * The deployment package of the shared voice Lambda: a zip holding `index.mjs` at its root, byte-for-byte the same
 * for the same source, and its base64 SHA-256 (what Lambda reports as CodeSha256).
 */
export async function packageVoiceLambda(): Promise<{ zip: Buffer; sha256: string }> {
  const source = await readFile(resolveVoiceLambdaHandlerPath());
  const archive = new JSZip();
  archive.file(VOICE_LAMBDA_ZIP_ENTRY, source, {
    binary: true,
    date: FIXED_ZIP_DATE,
    unixPermissions: ZIP_FILE_MODE,
    createFolders: false,
  });
  const zip = await archive.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'UNIX',
  });
  return { zip, sha256: createHash('sha256').update(zip).digest('base64') };
}
