import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AwsError, type ServiceName } from './aws-errors.js';

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

/**
 * Checks that a request carries a well-formed SigV4 signature for `service`, without verifying it
 * cryptographically: the Authorization header's shape and credential scope, that the scope's date is the one in
 * `x-amz-date`, that `host` and `x-amz-date` are signed, and that `x-amz-content-sha256` (when sent) is the hash of
 * the body that arrived. Returns the region of the credential scope.
 *
 * AWS answers a request without a signature with 403 MissingAuthenticationTokenException and one whose signature or
 * scope is wrong with 403 InvalidSignatureException; so does the emulator.
 */
export function checkSignature(headers: IncomingHttpHeaders, body: Buffer, service: ServiceName): { region: string } {
  const authorization = headers.authorization;
  if (!authorization) {
    throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const match = AUTHORIZATION.exec(authorization);
  if (!match) {
    throw new AwsError(
      'InvalidSignatureException',
      'Authorization header is not a well-formed AWS4-HMAC-SHA256 signature.',
    );
  }
  const [, , date, region, scopeService, signedHeaders] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (scopeService !== service) {
    throw new AwsError(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${service}'. (The request was signed for '${scopeService}'.)`,
    );
  }
  const amzDate = headers['x-amz-date'];
  if (typeof amzDate !== 'string' || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
    throw new AwsError('InvalidSignatureException', 'Missing or malformed X-Amz-Date header.');
  }
  if (amzDate.slice(0, 8) !== date) {
    throw new AwsError(
      'InvalidSignatureException',
      `Date in Credential scope (${date}) does not match X-Amz-Date (${amzDate}).`,
    );
  }
  const signed = signedHeaders.split(';');
  if (!signed.includes('host') || !signed.includes('x-amz-date')) {
    throw new AwsError('InvalidSignatureException', "SignedHeaders must include 'host' and 'x-amz-date'.");
  }
  const contentSha = headers['x-amz-content-sha256'];
  if (typeof contentSha === 'string' && contentSha !== 'UNSIGNED-PAYLOAD') {
    const actual = createHash('sha256').update(body).digest('hex');
    if (actual !== contentSha) {
      throw new AwsError(
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided: the payload hash differs.',
      );
    }
  }
  return { region };
}
