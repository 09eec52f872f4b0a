import type { DeliveryStatusEvent, InboundMedia, InboundMessageEvent, ParsedWebhook } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import * as ig from '../../../../test/fixtures/platform-samples/instagram.js';
import * as fb from '../../../../test/fixtures/platform-samples/messenger.js';
import * as wa from '../../../../test/fixtures/platform-samples/whatsapp.js';
import * as x from '../../../../test/fixtures/platform-samples/x.js';
import { WebhookPayloadError } from './errors.js';
import { MAX_EVENTS_PER_PAYLOAD } from './limits.js';
import { parseMetaWebhook } from '../adapters/meta/meta-webhook.js';
import { parseXWebhook } from '../adapters/x/x-webhook.js';

/**
 * Every payload here is one the platforms publish in their documentation or one a widely used open-source client
 * records in its tests (test/fixtures/platform-samples, each with its source). The parsers must read each exactly as
 * stated: which events, which skips and why. A broken item is skipped as `malformed`, naming its id and the field,
 * and the rest of its delivery is read; only a delivery that is not one at all is refused.
 */

type Skip = ParsedWebhook['skipped'][number];

function message(
  channel: InboundMessageEvent['channel'],
  businessAccountId: string,
  platformMessageId: string,
  sender: InboundMessageEvent['sender'],
  text: string,
  sentAt: string,
  media?: InboundMedia[],
): InboundMessageEvent {
  const event: InboundMessageEvent = {
    kind: 'message',
    channel,
    businessAccountId,
    platformMessageId,
    sender,
    text,
    sentAt,
  };
  if (media) event.media = media;
  return event;
}

function status(
  businessAccountId: string,
  platformMessageId: string,
  value: DeliveryStatusEvent['status'],
  at: string,
  error?: string,
): DeliveryStatusEvent {
  const event: DeliveryStatusEvent = {
    kind: 'status',
    channel: 'whatsapp',
    businessAccountId,
    platformMessageId,
    status: value,
    at,
  };
  if (error !== undefined) event.error = error;
  return event;
}

const events = (...list: ParsedWebhook['events']): ParsedWebhook => ({ events: list, skipped: [] });
const skipped = (...list: Skip[]): ParsedWebhook => ({ events: [], skipped: list });
const unsupported = (detail: string): Skip => ({ reason: 'unsupported_type', detail });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A `malformed` skip whose detail names the item's id (quoted, when it has one) and then the offending field. */
function malformed(id: string | undefined, problem: string): Skip {
  const named = id === undefined ? '' : `${escapeRegExp(JSON.stringify(id))}.*`;
  return { reason: 'malformed', detail: expect.stringMatching(new RegExp(named + escapeRegExp(problem))) as string };
}

function refusal(run: () => unknown): WebhookPayloadError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(WebhookPayloadError);
    return err as WebhookPayloadError;
  }
  throw new Error('expected the delivery to be refused with a WebhookPayloadError');
}

// ----------------------------------------------------------------------------------------------------- WhatsApp

const META_PNID = wa.META_PHONE_NUMBER_ID;
const PYWA_PNID = wa.PYWA_PHONE_NUMBER_ID;
const SHEENA = { id: '16505551234', name: 'Sheena Nelson', phone: '+16505551234' };
const PABLO = { id: '16505551234', name: 'Pablo Morales', phone: '+16505551234' };
const PYWA_USER = { id: '972987654321', name: 'Test Name', phone: '+972987654321' };
const LOOKASIDE = 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=133...';
const wamid = (id: string) => JSON.stringify(id);

const metaText = message(
  'whatsapp',
  META_PNID,
  wa.META_WAMID_A,
  SHEENA,
  'Does it come in another color?',
  '2025-06-08T20:59:43.000Z',
);
const metaImage = message('whatsapp', META_PNID, wa.META_WAMID_A, SHEENA, 'Taj Mahal', '2025-04-11T04:08:16.000Z', [
  { type: 'image', id: '1003383421387256', url: LOOKASIDE, mime_type: 'image/jpeg' },
]);
const metaSent = status(META_PNID, wa.META_WAMID_B, 'sent', '2025-06-15T23:27:53.000Z');
const pywaText = message('whatsapp', PYWA_PNID, 'wamid.xyzxyz', PYWA_USER, 'Body Text', '2023-10-11T16:53:43.000Z');

describe('published samples: WhatsApp messages (Meta reference, pywa)', () => {
  it.each<[string, unknown, ParsedWebhook]>([
    ['Meta: text', wa.waText, events(metaText)],
    ['Meta: image with caption', wa.waImage, events(metaImage)],
    [
      'Meta: voice note',
      wa.waVoiceNote,
      events(
        message('whatsapp', META_PNID, wa.META_WAMID_A, SHEENA, '', '2025-04-11T04:08:16.000Z', [
          { type: 'audio', id: '1908647269898587', url: LOOKASIDE, mime_type: 'audio/ogg; codecs=opus', voice: true },
        ]),
      ),
    ],
    [
      'Meta: video',
      wa.waVideo,
      events(
        message('whatsapp', META_PNID, wa.META_WAMID_A, SHEENA, 'Timelapse of growth', '2025-04-11T04:08:16.000Z', [
          { type: 'video', id: '731675419373506', url: LOOKASIDE, mime_type: 'video/mp4' },
        ]),
      ),
    ],
    [
      'Meta: document',
      wa.waDocument,
      events(
        message('whatsapp', META_PNID, wa.META_WAMID_A, SHEENA, 'my receipt', '2025-04-11T04:08:16.000Z', [
          {
            type: 'document',
            id: '622684793477189',
            url: LOOKASIDE,
            mime_type: 'application/pdf',
            filename: 'receipt.pdf',
          },
        ]),
      ),
    ],
    [
      'Meta: animated sticker',
      wa.waSticker,
      events(
        message('whatsapp', META_PNID, wa.META_WAMID_A, SHEENA, '', '2025-04-11T04:08:16.000Z', [
          { type: 'sticker', id: '1908647269898587', url: LOOKASIDE, mime_type: 'image/webp' },
        ]),
      ),
    ],
    [
      'Meta: reply button tapped (button_reply)',
      wa.waButtonReply,
      events(
        message(
          'whatsapp',
          META_PNID,
          'wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQThBREYwNzc2RDc2QjA1QTIwMgA=',
          PABLO,
          'Change',
          '2024-04-30T20:46:43.000Z',
        ),
      ),
    ],
    [
      'Meta: list row chosen (list_reply)',
      wa.waListReply,
      events(
        message(
          'whatsapp',
          META_PNID,
          'wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQTZDMzFGRUFBQjlDMzIzMzlEQwA=',
          PABLO,
          'Priority Mail Express',
          '2024-04-08T16:57:23.000Z',
        ),
      ),
    ],
    [
      'Meta: template quick-reply button (button)',
      wa.waTemplateButton,
      events(message('whatsapp', META_PNID, wa.META_WAMID_B, SHEENA, 'Unsubscribe', '2025-06-16T16:24:05.000Z')),
    ],
    [
      'Meta: location',
      wa.waLocation,
      events(
        message('whatsapp', META_PNID, wa.META_WAMID_B, SHEENA, '', '2025-04-11T04:08:16.000Z', [
          {
            type: 'location',
            latitude: 37.44221496582,
            longitude: -122.16165924072,
            name: 'Philz Coffee',
            address: '101 Forest Ave, Palo Alto, CA 94301',
            url: 'https://philzcoffee.com/',
          },
        ]),
      ),
    ],
    [
      'Meta: contact card',
      wa.waContacts,
      events(
        message('whatsapp', META_PNID, wa.META_WAMID_A, SHEENA, '', '2025-04-11T04:08:16.000Z', [
          { type: 'contacts', contacts: [{ name: 'Barbara J. Johnson', phones: ['+1 (415) 555-0829'] }] },
        ]),
      ),
    ],
    [
      'Meta: Click-to-WhatsApp ad (referral)',
      wa.waClickToWhatsAppAd,
      events(
        message(
          'whatsapp',
          META_PNID,
          'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=',
          SHEENA,
          'Can I get more info about this?',
          '2025-06-18T19:46:32.000Z',
        ),
      ),
    ],
    [
      'Meta: reaction removed',
      wa.waReactionRemoved,
      skipped(unsupported(`whatsapp message ${wamid(wa.META_WAMID_B)} of type "reaction"`)),
    ],
    ['Meta: order', wa.waOrder, skipped(unsupported(`whatsapp message ${wamid(wa.META_WAMID_B)} of type "order"`))],
    [
      'Meta: system (number changed)',
      wa.waSystem,
      skipped(unsupported('whatsapp message "wamid.HBgLMTk4MzU1NTE5NzQVAgASGAoxMTgyMDg2MjY3AA==" of type "system"')),
    ],
    [
      'Meta: unsupported (an edit)',
      wa.waUnsupported,
      skipped(unsupported(`whatsapp message ${wamid(wa.META_WAMID_B)} of type "unsupported"`)),
    ],
    [
      'Meta: group message',
      wa.waGroupText,
      skipped(unsupported('whatsapp group message "wamid.HASDI128HJOPUERIH82ahdasd09ASDHi5>"')),
    ],
    ['pywa: text', wa.pywaText, events(pywaText)],
    [
      'pywa: forwarded audio file (voice: false)',
      wa.pywaAudioFile,
      events(
        message('whatsapp', PYWA_PNID, 'wamid.xyzxyz', PYWA_USER, '', '2023-10-11T16:58:29.000Z', [
          { type: 'audio', id: '1234567890987654321', mime_type: 'audio/ogg; codecs=opus' },
        ]),
      ),
    ],
    [
      'pywa: current location, coordinates only',
      wa.pywaCurrentLocation,
      events(
        message('whatsapp', PYWA_PNID, 'wamid.xyzxyz', PYWA_USER, '', '2023-10-11T17:15:57.000Z', [
          { type: 'location', latitude: 12.25089, longitude: 43.90539 },
        ]),
      ),
    ],
    [
      'pywa: template button with a business-scoped user id beside the phone number',
      wa.pywaTemplateButtonWithBsuid,
      events(message('whatsapp', PYWA_PNID, 'wamid.xsidjx', PYWA_USER, 'title', '2023-10-25T21:23:47.000Z')),
    ],
    ['pywa: reaction', wa.pywaReaction, skipped(unsupported('whatsapp message "wamid.xyzxyz" of type "reaction"'))],
    [
      'pywa: message deleted (revoke)',
      wa.pywaRevoke,
      skipped(unsupported('whatsapp message "<WHATSAPP_MESSAGE_ID>" of type "revoke"')),
    ],
    [
      'pywa: business app echo (smb_message_echoes)',
      wa.pywaSmbMessageEcho,
      skipped(unsupported('whatsapp field "smb_message_echoes"')),
    ],
    [
      'pywa: interactive message without its interactive object',
      wa.pywaInteractiveWithoutInteractive,
      skipped(malformed('wamid.wegrchytvwcggt=', 'entry[0].changes[0].value.messages[0].interactive is missing')),
    ],
  ])('%s', (_name, body, expected) => {
    expect(parseMetaWebhook(body)).toStrictEqual(expected);
  });
});

describe('published samples: WhatsApp statuses and errors', () => {
  it.each<[string, unknown, ParsedWebhook]>([
    ['Meta: sent, with conversation and pricing', wa.waStatusSent, events(metaSent)],
    [
      'Meta: failed (131049)',
      wa.waStatusFailed,
      events(
        status(
          META_PNID,
          'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA',
          'failed',
          '2025-06-28T20:34:48.000Z',
          'This message was not delivered to maintain healthy ecosystem engagement. (code 131049)',
        ),
      ),
    ],
    [
      'Meta: one group message delivered to two participants, aggregated',
      wa.waGroupStatusesAggregated,
      events(
        status(META_PNID, wa.META_WAMID_B, 'delivered', '2025-02-12T00:43:44.000Z'),
        status(META_PNID, wa.META_WAMID_B, 'delivered', '2025-02-12T00:43:44.000Z'),
      ),
    ],
    [
      'Meta: account-level errors, no message',
      wa.waErrorsOnly,
      skipped(unsupported('entry[0].changes[0].value reports errors only')),
    ],
    [
      'pywa: delivered',
      wa.pywaStatusDelivered,
      events(status(PYWA_PNID, 'wamid.xyzxyz', 'delivered', '2023-10-25T20:49:05.000Z')),
    ],
    ['pywa: read', wa.pywaStatusRead, events(status(PYWA_PNID, 'wamid.xyzxyz', 'read', '2023-07-15T00:20:58.000Z'))],
    [
      'pywa: failed (130472)',
      wa.pywaStatusFailed,
      events(
        status(
          PYWA_PNID,
          'wamid.xyzxyz',
          'failed',
          '2023-07-15T00:20:58.000Z',
          "User's number is part of an experiment (code 130472)",
        ),
      ),
    ],
    [
      'pywa: voice message played',
      wa.pywaStatusPlayed,
      skipped(unsupported('whatsapp status "played" of "wamid.xyzxyz"')),
    ],
  ])('%s', (_name, body, expected) => {
    expect(parseMetaWebhook(body)).toStrictEqual(expected);
  });
});

describe('published samples: WhatsApp batches', () => {
  it('reads every entry and every change of a batched delivery', () => {
    expect(parseMetaWebhook(wa.waBatchMultiEntry)).toStrictEqual(events(metaText, metaSent, pywaText));
  });

  it('skips the broken message, status, change and entries of a batch and reads all the others', () => {
    expect(parseMetaWebhook(wa.waBatchWithMalformed)).toStrictEqual({
      events: [metaText, metaImage, metaSent, pywaText],
      skipped: [
        malformed('wamid.NO_BODY', 'entry[0].changes[0].value.messages[1].text.body is missing'),
        malformed(undefined, 'entry[0].changes[0].value.statuses[1].id is missing'),
        malformed(undefined, 'entry[0].changes[1].value.metadata.phone_number_id is missing'),
        malformed(undefined, 'entry[2] is missing'),
        malformed('wamid.wegrchytvwcggt=', 'entry[3].changes[0].value.messages[0].interactive is missing'),
      ],
    });
  });

  it('still refuses a delivery of more events than one may carry', () => {
    const body = structuredClone(wa.waText);
    const change = body.entry[0]!.changes[0]!;
    change.value = {
      ...change.value,
      messages: Array.from({ length: MAX_EVENTS_PER_PAYLOAD + 1 }, () => wa.metaTextMessage),
    };
    expect(refusal(() => parseMetaWebhook(body)).message).toContain(`more than ${MAX_EVENTS_PER_PAYLOAD}`);
  });
});

// ---------------------------------------------------------------------------------------------------- Messenger

const BT_PAGE = fb.BOTTENDER_PAGE_ID;
const BT_PSID = { id: fb.BOTTENDER_PSID };
const DOCS_PSID = { id: '<PSID>' };
const bottenderText = message(
  'facebook',
  BT_PAGE,
  'mid.$cAAE1UUyiiwthh0NPrVbVf4HFNDGl',
  BT_PSID,
  'Sharp tools make good work.',
  '2017-04-10T03:52:43.181Z',
);
const bottenderQuickReply = message(
  'facebook',
  BT_PAGE,
  'mid.$cAAE1UUyiiwthh2BKL1bVhsBhVxvm',
  BT_PSID,
  'Red',
  '2017-04-10T04:24:22.319Z',
);
const bottenderAttachment = (media: InboundMedia) =>
  events(
    message('facebook', BT_PAGE, 'mid.$cAAE1UUyiiwthh1ZAO1bVhDxGk2N0', BT_PSID, '', '2017-04-10T04:13:24.411Z', [
      media,
    ]),
  );

describe('published samples: Messenger (Meta reference, Bottender)', () => {
  it.each<[string, unknown, ParsedWebhook]>([
    ['Bottender: text', fb.fbText, events(bottenderText)],
    ['Bottender: text from the website chat plugin', fb.fbChatPluginText, events(bottenderText)],
    ['Bottender: quick reply', fb.fbQuickReply, events(bottenderQuickReply)],
    [
      'Bottender: photo',
      fb.fbImage,
      bottenderAttachment({
        type: 'image',
        url: 'https://scontent.xx.fbcdn.net/v/t35.0-12/17887258_1429713783754592_1626047672_o.jpg?_nc_ad=z-m&oh=e44af5a4c973541ef56333202f160720&oe=58ECF78B',
      }),
    ],
    [
      'Bottender: audio',
      fb.fbAudio,
      bottenderAttachment({ type: 'audio', url: 'https://example.com/bot/audios/audio.mp3' }),
    ],
    [
      'Bottender: video',
      fb.fbVideo,
      bottenderAttachment({ type: 'video', url: 'https://example.com/bot/videos/video.mp4' }),
    ],
    [
      'Bottender: file',
      fb.fbFile,
      bottenderAttachment({ type: 'document', url: 'https://example.com/bot/files/file.doc' }),
    ],
    ['Bottender: location', fb.fbLocation, bottenderAttachment({ type: 'location', latitude: 0, longitude: 0 })],
    [
      'Bottender: Like sticker, as an image with sticker_id',
      fb.fbLikeStickerAsImage,
      events(
        message('facebook', BT_PAGE, 'mid.$cAAE1UUyiiwthh05ZKlbVgkOobi32', BT_PSID, '', '2017-04-10T04:04:46.506Z', [
          {
            type: 'sticker',
            url: 'https://scontent.xx.fbcdn.net/v/t39.1997-6/851557_369239266556155_759568595_n.png?_nc_ad=z-m&oh=547beb90237e24a9682810a5144c9fba&oe=5988CFDC',
          },
        ]),
      ),
    ],
    [
      'Bottender: Get Started postback without mid',
      fb.fbGetStartedPostback,
      events(
        message(
          'facebook',
          '707356222221168',
          'postback:1476077422222289:1522222894827',
          { id: '1476077422222289' },
          'Get Started',
          '2018-03-28T07:41:34.827Z',
        ),
      ),
    ],
    [
      'Bottender: two entries in one delivery',
      fb.fbBatchTwoEntries,
      events(
        message(
          'facebook',
          '1895382890692545',
          'mid.1486464322190:cb04e5a654',
          { id: '1412611362105802' },
          'test 1',
          '2017-02-07T10:45:22.190Z',
        ),
        message(
          'facebook',
          '1895382890692545',
          'mid.1486464322190:cb04e5a656',
          { id: '1412611362105802' },
          'test 2',
          '2017-02-07T10:45:22.190Z',
        ),
      ),
    ],
    ['Bottender: reaction', fb.fbReaction, skipped(unsupported('facebook reaction'))],
    ['Bottender: m.me link referral', fb.fbLinkReferral, skipped(unsupported('facebook referral'))],
    ['Bottender: App Dashboard test', fb.fbDashboardTest, skipped(unsupported('facebook entry[0].changes'))],
    [
      'Meta: text with quick reply payload',
      fb.fbDocsQuickReply,
      events(
        message(
          'facebook',
          '<PAGE_ID>',
          'mid.1457764197618:41d102a3e1ae206a38',
          DOCS_PSID,
          'hello, world!',
          '2016-03-23T00:25:52.478Z',
        ),
      ),
    ],
    [
      'Meta: Click-to-Messenger ad referral on a message',
      fb.fbDocsAdReferralMessage,
      events(
        message(
          'facebook',
          '<PAGE_ID>',
          'mid.1457764197618:41d102a3e1ae206a38',
          DOCS_PSID,
          'hello, world!',
          '2016-03-23T00:25:52.478Z',
        ),
      ),
    ],
    [
      'Meta: shared link (fallback attachment) with words',
      fb.fbDocsFallbackLink,
      events(
        message(
          'facebook',
          '<PAGE_ID>',
          'm_toDnmD...',
          DOCS_PSID,
          'This is where I want to go: https://youtu.be/bbo_fZAjIhg',
          '2020-03-02T18:27:46.767Z',
          [{ type: 'share', url: '<ATTACHMENT_URL >', name: 'TAHITI - Heaven on Earth' }],
        ),
      ),
    ],
    [
      'Meta: message with commands',
      fb.fbDocsCommand,
      events(
        message(
          'facebook',
          '<PAGE_ID>',
          'm_3vs...',
          DOCS_PSID,
          'find flights from SFO to LAX next Thursday',
          '2023-10-18T15:30:27.400Z',
        ),
      ),
    ],
    [
      'Meta: sticker attachment (the only sticker format since August 30, 2026)',
      fb.fbDocsSticker,
      events(
        message(
          'facebook',
          '<PAGE_ID>',
          'mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c',
          DOCS_PSID,
          '',
          '2018-02-12T23:46:35.308Z',
          [{ type: 'sticker', url: '<STICKER_URL>' }],
        ),
      ),
    ],
    [
      'Meta: product template shared',
      fb.fbDocsProductTemplate,
      skipped(unsupported('facebook message "mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c" without text or media')),
    ],
    [
      'Meta: echo of the Page own message',
      fb.fbDocsEcho,
      { events: [], skipped: [{ reason: 'echo', detail: 'facebook echo "mid.1457764197618:41d102a3e1ae206a38"' }] },
    ],
    ['Meta: echo on the standby channel', fb.fbDocsStandbyEcho, skipped(unsupported('facebook entry[0].standby'))],
    ['Meta: delivery watermark (no timestamp)', fb.fbDocsDelivery, skipped(unsupported('facebook delivery'))],
    ['Meta: read watermark', fb.fbDocsRead, skipped(unsupported('facebook read'))],
    [
      'Meta: postback from a chat-plugin guest (user_ref)',
      fb.fbDocsPostbackFromGuest,
      skipped(unsupported('facebook sender without id (user_ref)')),
    ],
  ])('%s', (_name, body, expected) => {
    expect(parseMetaWebhook(body)).toStrictEqual(expected);
  });

  it('skips the broken items and entry of a batch and reads all the others', () => {
    expect(parseMetaWebhook(fb.fbBatchWithMalformed)).toStrictEqual({
      events: [bottenderText, bottenderQuickReply],
      skipped: [
        malformed(undefined, 'entry[0].messaging[1].message.mid is missing'),
        unsupported('facebook delivery'),
        malformed(undefined, 'entry[0].messaging[3] must be an object'),
        malformed(BT_PAGE, 'entry[1].messaging is missing'),
        unsupported('facebook read'),
      ],
    });
  });
});

// ---------------------------------------------------------------------------------------------------- Instagram

const DOCS_IG_ACCOUNT = '<YOUR_APP_USERS_INSTAGRAM_USER_ID>';
const igText = message('instagram', 'IGID', 'MESSAGE-ID', { id: 'IGSID' }, 'MESSAGE-TEXT', '2019-09-23T18:14:45.349Z');
const igStoryMention = message(
  'instagram',
  '<IGID>',
  '<MESSAGE_ID>',
  { id: '<IGSID>' },
  '',
  '2019-09-23T18:14:45.349Z',
  [{ type: 'share', url: '<CDN_URL>' }],
);

describe('published samples: Instagram (Meta reference, Chatwoot)', () => {
  it.each<[string, unknown, ParsedWebhook]>([
    ['Meta: text', ig.igText, events(igText)],
    ['Meta: story mention', ig.igStoryMention, events(igStoryMention)],
    [
      'Meta: reply to a story',
      ig.igStoryReply,
      events(
        message(
          'instagram',
          DOCS_IG_ACCOUNT,
          '<MESSAGE_ID>',
          { id: '<SENDER_ID>' },
          '<MESSAGE_TEXT>',
          '2019-09-23T18:14:45.349Z',
        ),
      ),
    ],
    [
      'Meta: shared post',
      ig.igShare,
      events(
        message('instagram', DOCS_IG_ACCOUNT, '<MESSAGE_ID>', { id: '<SENDER_ID>' }, '', '2019-09-23T18:14:45.349Z', [
          { type: 'share', url: '<URL_FOR_THE_MEDIA>' },
        ]),
      ),
    ],
    [
      'Meta: icebreaker postback',
      ig.igPostback,
      events(
        message(
          'instagram',
          DOCS_IG_ACCOUNT,
          '<MESSAGE_ID>',
          { id: '<INSTAGRAM_SCOPED_ID>' },
          '<USER_SELECTED_ICEBREAKER_OPTION_OR_CTA_BUTTON>',
          '2017-08-16T17:52:56.377Z',
        ),
      ),
    ],
    [
      'Meta: unsupported media',
      ig.igUnsupportedMedia,
      skipped(unsupported('instagram message "<MESSAGE_ID>" without text or media')),
    ],
    [
      'Meta: message unsent (is_deleted)',
      ig.igDeleted,
      skipped(unsupported('instagram unsent message "<MESSAGE_ID>"')),
    ],
    [
      'Meta: self-messaging echo',
      ig.igSelfEcho,
      { events: [], skipped: [{ reason: 'echo', detail: 'instagram echo "<MESSAGE_ID>"' }] },
    ],
    ['Meta: reaction', ig.igReaction, skipped(unsupported('instagram reaction'))],
    ['Meta: ig.me referral', ig.igReferral, skipped(unsupported('instagram referral'))],
    ['Meta: seen', ig.igSeen, skipped(unsupported('instagram read'))],
    ['Meta: mention in a comment (changes)', ig.igCommentMention, skipped(unsupported('instagram entry[0].changes'))],
    [
      'Chatwoot: test event, timestamp in seconds as a string',
      ig.chatwootTestText,
      events(message('instagram', '23245', 'random_mid', { id: '12334' }, 'random_text', '2018-05-27T22:23:44.000Z')),
    ],
    ['Chatwoot: unsend', ig.chatwootUnsend, skipped(unsupported('instagram unsent message "message-id-to-delete"'))],
    [
      'Chatwoot: echo of a story mention',
      ig.chatwootStoryMentionEcho,
      { events: [], skipped: [{ reason: 'echo', detail: 'instagram echo "message-id-1"' }] },
    ],
    ['Chatwoot: seen', ig.chatwootSeen, skipped(unsupported('instagram read'))],
    ['Chatwoot: standby', ig.chatwootStandby, skipped(unsupported('instagram entry[0].standby'))],
    [
      'Chatwoot: story mention with an ISO timestamp',
      ig.chatwootStoryMention,
      skipped(malformed('message-id-1', 'entry[0].messaging[0].timestamp must be an epoch timestamp')),
    ],
  ])('%s', (_name, body, expected) => {
    expect(parseMetaWebhook(body)).toStrictEqual(expected);
  });

  it('skips the broken item of a delivery and reads the others', () => {
    expect(parseMetaWebhook(ig.igBatchWithMalformed)).toStrictEqual({
      events: [igText, igStoryMention],
      skipped: [malformed('message-id-1', 'entry[0].messaging[1].timestamp must be an epoch timestamp')],
    });
  });
});

// ------------------------------------------------------------------------------------------------------------ X

const CHASKIQ = x.CHASKIQ_OWNER;
const CHASKIQ_CUSTOMER = { id: x.CHASKIQ_CUSTOMER, name: 'Chaskiq' };
const CHASKIQ_SENT_AT = '2020-01-15T19:56:52.009Z';
const chaskiqPhoto = (id: string) =>
  message('twitter', CHASKIQ, id, CHASKIQ_CUSTOMER, '', CHASKIQ_SENT_AT, [
    {
      type: 'image',
      id: '1218168684226711552',
      url: 'https://ton.twitter.com/1.1/ton/data/dm/1218168691763924998/1218168684226711552/7WY9gUyS.jpg',
    },
  ]);

describe('published samples: X Account Activity (X reference, Chaskiq)', () => {
  it.each<[string, unknown, ParsedWebhook]>([
    [
      'X: direct message (users published inside apps: no name)',
      x.xDocsDirectMessage,
      events(
        message(
          'twitter',
          '4337869213',
          '954491830116155396',
          { id: '3001969357' },
          'Hello World!',
          '2018-01-19T23:12:40.557Z',
        ),
      ),
    ],
    [
      'X: direct message with &, < and > escaped',
      x.xDocsDirectMessageEscaped,
      events(
        message(
          'twitter',
          '4337869213',
          '954491830116155397',
          { id: '3001969357', name: 'Jordan Brinks' },
          'Fish & chips <3 >_< and I typed &lt; myself "ok"',
          '2018-01-19T23:12:40.557Z',
        ),
      ),
    ],
    [
      'Chaskiq: text, sender named from users',
      x.xChaskiqText,
      events(message('twitter', CHASKIQ, '1217536143559995396', CHASKIQ_CUSTOMER, 'foobar', CHASKIQ_SENT_AT)),
    ],
    [
      'Chaskiq: lines and an emoji',
      x.xChaskiqMultiline,
      events(
        message(
          'twitter',
          CHASKIQ,
          '1217536143559995396',
          CHASKIQ_CUSTOMER,
          'one\ntwo\ntree\n\u270c\ufe0f',
          CHASKIQ_SENT_AT,
        ),
      ),
    ],
    [
      'Chaskiq: photo, the t.co link dropped from the text',
      x.xChaskiqPhoto,
      events(chaskiqPhoto('1217536143559995396')),
    ],
    [
      'Chaskiq: GIF (animated_gif)',
      x.xChaskiqAnimatedGif,
      events(
        message('twitter', CHASKIQ, '1217536143559995396', CHASKIQ_CUSTOMER, '', CHASKIQ_SENT_AT, [
          {
            type: 'video',
            id: '1218022642336325632',
            url: 'https://pbs.twimg.com/dm_gif_preview/1218022642336325632/UF-L2NL0RH3sLnu8V99AR2WbIYKXyy3OhL4E0YEw6cK-LcJ92Q.jpg',
          },
        ]),
      ),
    ],
    [
      'Chaskiq: the account own reply',
      x.xChaskiqOwnMessage,
      { events: [], skipped: [{ reason: 'own_message', detail: 'x direct message "1217536143559995396"' }] },
    ],
    ['X: typing indicator', x.xDocsTyping, skipped(unsupported('x "direct_message_indicate_typing_events"'))],
    ['X: read receipt', x.xDocsMarkRead, skipped(unsupported('x "direct_message_mark_read_events"'))],
    ['X: like', x.xDocsFavorite, skipped(unsupported('x "favorite_events"'))],
    ['X: follow', x.xDocsFollow, skipped(unsupported('x "follow_events"'))],
    ['X: post created', x.xDocsTweetCreate, skipped(unsupported('x "tweet_create_events"'))],
    ['X: post deleted', x.xDocsTweetDelete, skipped(unsupported('x "tweet_delete_events"'))],
  ])('%s', (_name, body, expected) => {
    expect(parseXWebhook(body)).toStrictEqual(expected);
  });

  it('skips the broken event of a batch and reads the others', () => {
    expect(parseXWebhook(x.xBatchWithMalformed)).toStrictEqual({
      events: [
        chaskiqPhoto('1217536143559995396'),
        message('twitter', CHASKIQ, '1217536143559995399', CHASKIQ_CUSTOMER, 'foobar', CHASKIQ_SENT_AT),
      ],
      skipped: [
        malformed('1217536143559995397', 'direct_message_events[1].message_create.message_data is missing'),
        { reason: 'own_message', detail: 'x direct message "1217536143559995398"' },
      ],
    });
  });

  it('refuses the documented authorization revoke: X publishes it without for_user_id', () => {
    expect(refusal(() => parseXWebhook(x.xDocsUserEventRevoke)).message).toBe('for_user_id is missing');
  });

  it('refuses a delivery whose direct_message_events is not an array', () => {
    const body = { ...x.xChaskiqText, direct_message_events: x.xChaskiqText.direct_message_events[0] };
    expect(refusal(() => parseXWebhook(body)).field).toBe('direct_message_events');
  });
});

// ------------------------------------------------------------------------------------ what is still refused

describe('published samples: deliveries that are not one are refused whole', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a JSON string instead of an object', JSON.stringify(wa.waText), undefined],
    ['no object', { entry: wa.waText.entry }, 'object'],
    ['an object Meta does not send here', { ...fb.fbText, object: 'user' }, 'object'],
    ['no entry', { object: 'whatsapp_business_account' }, 'entry'],
    ['entry not an array', { object: 'page', entry: fb.fbText.entry[0] }, 'entry'],
  ])('%s', (_name, body, field) => {
    expect(refusal(() => parseMetaWebhook(body)).field).toBe(field);
  });
});
