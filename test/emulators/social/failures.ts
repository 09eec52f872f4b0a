import { GraphApiError } from './graph-errors.js';
import type { PlatformError } from './http.js';
import { blankProblem } from './x-errors.js';
import { SOCIAL_FAILURES, SOCIAL_PLATFORMS, type SocialFailure, type SocialPlatform } from './types.js';

/**
 * What each injected failure looks like on each platform. Sources:
 * - WhatsApp: the Cloud API error-code reference (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes,
 *   read through the copy of its table in YCloud's "handle WhatsApp errors" guide, which keeps Meta's HTTP status
 *   column) and its sample response `{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException",
 *   "code":130429,"error_data":{"messaging_product":"whatsapp","details":"Cloud API message throughput has been
 *   reached."},"fbtrace_id":...}}`. Meta says to branch on `code`, and not to expect `error_subcode` (v16.0+).
 * - Messenger: the Messenger Platform error-code reference
 * (developers.facebook.com/docs/messenger-platform/error-codes:
 *   code 2 "An unexpected error has occurred. Please retry your request later."; the Send API codes 10/2018278 outside
 *   the allowed window, 100/2018001 "No matching user found", 613 "Calls to this api have exceeded the rate limit.").
 * - Instagram messaging (same Send API on graph.facebook.com): 10/2534022 outside the window and 100/2534014 "The
 *   requested user cannot be found." as the live API answers them; rate limit and server error as Messenger.
 * - X: docs.x.com Response Codes & Errors and the Direct Messages integration guide (400 invalid request, 401, 403
 *   "cannot send to user" when the recipient's DM settings or a block forbid it, 429 with `x-rate-limit-*` headers).
 */
export function platformFailure(
  platform: SocialPlatform,
  failure: SocialFailure,
  xResetSeconds: number,
): PlatformError {
  switch (platform) {
    case 'whatsapp':
      return whatsappFailure(failure);
    case 'messenger':
    case 'instagram':
      return pageFailure(platform, failure);
    case 'x':
      return xFailure(failure, xResetSeconds);
  }
}

function whatsappFailure(failure: SocialFailure): GraphApiError {
  switch (failure) {
    case 'rate_limited':
      // Throughput limit (about 80 msg/s per number). Meta's table: 130429 -> 429 Too Many Requests. (The pair rate
      // limit, 131056, and the spam limit, 131048, are other codes of the same family.)
      return new GraphApiError(429, '(#130429) Rate limit hit', 130429, {
        whatsappDetails: 'Cloud API message throughput has been reached.',
      });
    case 'server_error':
      // 131000 "Something went wrong" -> 500 Internal Server Error; Meta: "Try again".
      return new GraphApiError(500, '(#131000) Something went wrong', 131000, {
        whatsappDetails: 'Message failed to send due to an unknown error.',
      });
    case 'outside_window':
      // 131047 "Re-engagement message" -> 400: more than 24 hours since the customer last wrote; only a template may
      // go.
      return new GraphApiError(400, '(#131047) Re-engagement message', 131047, {
        whatsappDetails:
          'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      });
    case 'invalid_recipient':
      // 131026 "Message Undeliverable" -> 400 (not a WhatsApp user, old client, terms not accepted). The live API
      // mostly reports it in a `failed` status webhook; 131030 is the sandbox's "not in allowed list".
      return new GraphApiError(400, '(#131026) Message Undeliverable', 131026, {
        whatsappDetails: 'Unable to deliver message.',
      });
  }
}

function pageFailure(platform: 'messenger' | 'instagram', failure: SocialFailure): GraphApiError {
  switch (failure) {
    case 'rate_limited':
      // The Send API's throttling code (Graph's 4/17/32 are app/user/page call limits); Graph answers it with 400.
      return new GraphApiError(400, '(#613) Calls to this api have exceeded the rate limit.', 613);
    case 'server_error':
      // Code 2 (API Service): "Temporary issue due to downtime. Wait and retry"; Graph marks it is_transient.
      return new GraphApiError(500, 'An unexpected error has occurred. Please retry your request later.', 2, {
        isTransient: true,
      });
    case 'outside_window':
      // Code 10 is a permission error (403 Forbidden in Meta's table): the 24-hour standard messaging window is over.
      return platform === 'messenger'
        ? new GraphApiError(403, '(#10) This message is sent outside of allowed window.', 10, { subcode: 2018278 })
        : new GraphApiError(403, 'This message is sent outside of allowed window.', 10, { subcode: 2534022 });
    case 'invalid_recipient':
      return platform === 'messenger'
        ? new GraphApiError(400, '(#100) No matching user found', 100, { subcode: 2018001 })
        : new GraphApiError(400, 'The requested user cannot be found.', 100, { subcode: 2534014 });
  }
}

function xFailure(failure: SocialFailure, resetSeconds: number) {
  switch (failure) {
    case 'rate_limited':
      // The DM endpoint's user limit: 200 requests per 15-minute window.
      return blankProblem(429, 'Too Many Requests', {
        'x-rate-limit-limit': '200',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + resetSeconds),
      });
    case 'server_error':
      return blankProblem(500, 'Internal Server Error');
    case 'invalid_recipient':
      return blankProblem(403, 'Forbidden');
    case 'outside_window':
      throw new Error(X_HAS_NO_WINDOW);
  }
}

const X_HAS_NO_WINDOW =
  'failNext: outside_window does not apply to X, whose DMs have no customer-service window (use invalid_recipient for a recipient who refuses DMs)';

interface PlannedFailure {
  failure: SocialFailure;
  left: number;
}

/** Counted failures per platform, taken in order by that platform's sends. */
export class FailurePlan {
  private readonly queues = new Map<SocialPlatform, PlannedFailure[]>();

  add(platform: SocialPlatform, failure: SocialFailure, times = 1): void {
    if (!SOCIAL_PLATFORMS.includes(platform))
      throw new Error(`failNext: platform must be one of ${SOCIAL_PLATFORMS.join(', ')}, got ${String(platform)}`);
    if (!SOCIAL_FAILURES.includes(failure))
      throw new Error(`failNext: failure must be one of ${SOCIAL_FAILURES.join(', ')}, got ${String(failure)}`);
    if (!Number.isInteger(times) || times < 1)
      throw new Error(`failNext: times must be a positive integer, got ${times}`);
    if (platform === 'x' && failure === 'outside_window') throw new Error(X_HAS_NO_WINDOW);
    const queue = this.queues.get(platform) ?? [];
    queue.push({ failure, left: times });
    this.queues.set(platform, queue);
  }

  /** The failure planned for this platform's next send (consuming one), else undefined. */
  take(platform: SocialPlatform): SocialFailure | undefined {
    const queue = this.queues.get(platform);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.left -= 1;
    if (head.left === 0) queue.shift();
    return head.failure;
  }

  clear(): void {
    this.queues.clear();
  }
}
