import { readFileSync } from 'node:fs';
import { resolveBusinessProfile } from '@voca/business';
import type { KnowledgePassage } from '@voca/contracts';
import { parseDocument, type DocumentSource } from '@voca/knowledge';
import { it } from 'vitest';
import { answerLocally } from '../index.js';

const fx = (n: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../test/fixtures/knowledge/${n}`, import.meta.url)));
it('real', async () => {
  const out: string[] = [];
  const docs: [string, DocumentSource['format']][] = [
    ['help-center-faq.md', 'markdown'],
    ['shopify-products.json', 'json'],
    ['woocommerce-products.csv', 'csv'],
    ['bedding_products.json', 'json'],
    ['store-page.html', 'html'],
  ];
  const passages: KnowledgePassage[] = [];
  for (const [name, format] of docs) {
    const parsed: any = await parseDocument(
      { bytes: fx(name), format, name } as DocumentSource,
      { maxChunks: 5000 } as any,
    );
    const chunks = parsed.chunks ?? parsed;
    for (const c of chunks) passages.push({ ...c, documentId: name, documentName: name, version: 1, score: 1 });
  }
  console.log(
    passages
      .filter((p) => p.kind === 'record')
      .map((p) => `${p.title} :: ${JSON.stringify(p.fields).slice(0, 300)}`)
      .join('\n'),
  );
  const profile = resolveBusinessProfile({
    name: 'Northpass Outfitters',
    business_type: 'retail',
    description: null,
    character_config: {},
    context: {},
  } as any);
  for (const q of [
    'Do you ship to Canada?',
    'How long do refunds take after you get my return?',
    'Can I change my order?',
    'What is your return window?',
    'Can I return worn items?',
    'How much is express shipping to Alaska?',
  ]) {
    const sections = passages.filter((p) => p.kind === 'section');
    const a = answerLocally({ profile, text: q, firstContact: false, knowledge: sections });
    out.push(`${q}\n -> ${a.text}\n   ${a.sources.map((s) => s.title).join(' | ')}`);
  }
  console.log(out.join('\n'));
});
