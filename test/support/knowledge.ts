import { randomUUID } from 'node:crypto';
import type { KnowledgeFormat } from '@voca/contracts';
import { parseDocument } from '@voca/knowledge';
import { KnowledgeVersions } from '@voca/persistence';
import type { DataSource } from 'typeorm';

/** An agent row for tests that work below the API (retrieval, indexing). */
export async function insertKnowledgeAgent(
  db: DataSource,
  language = 'en',
): Promise<{ agentId: string; vendorId: string }> {
  const agentId = randomUUID();
  const vendorId = `vendor_${agentId.slice(0, 8)}`;
  await db.query(
    `INSERT INTO agents (id, vendor_id, name, business_type, version, status, character_config)
     VALUES ($1, $2, 'Knowledge test', 'retail', 1, 'active', $3::jsonb)`,
    [agentId, vendorId, JSON.stringify({ language })],
  );
  return { agentId, vendorId };
}

/**
 * Records a version of a document as the gateway does (the document created on its first version), then indexes it
 * as the context-service's indexer does: parse, store, count lexemes, swap in. Returns the version's id.
 */
export async function indexDocument(
  db: DataSource,
  agent: { agentId: string; vendorId: string },
  name: string,
  format: KnowledgeFormat,
  content: string | Uint8Array,
  language = 'en',
): Promise<{ versionId: string; documentId: string; version: number }> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  const [document] = (await db.query(
    `INSERT INTO knowledge_documents (agent_id, vendor_id, name, latest_version) VALUES ($1, $2, $3, 1)
     ON CONFLICT (agent_id, name) DO UPDATE SET latest_version = knowledge_documents.latest_version + 1
     RETURNING id, latest_version`,
    [agent.agentId, agent.vendorId, name],
  )) as { id: string; latest_version: number }[];
  const [row] = (await db.query(
    `INSERT INTO knowledge_versions (document_id, agent_id, version, format, content, size_bytes, language)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [document!.id, agent.agentId, document!.latest_version, format, bytes, bytes.length, language],
  )) as { id: string }[];
  const versions = new KnowledgeVersions(db);
  const version = (await versions.claim(row!.id))!;
  const chunks = await parseDocument({ bytes, format, name }, { maxChunks: 1_000_000 });
  await versions.storeChunks(version, chunks);
  await versions.indexTerms(version.id);
  await versions.activate(version);
  return { versionId: row!.id, documentId: document!.id, version: document!.latest_version };
}

/** The returns policy as a business would scan it to PDF: two pages of text, built with pdf-lib. */
export async function returnsPolicyPdf(days = 30, refundDays = 5): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const pages = [
    [
      'Returns and Exchanges',
      '',
      `You may return unused bedding within ${days} days of delivery for a full refund.`,
      'Items must be in their original packaging with all labels attached.',
      `Refunds are issued to the original payment method within ${refundDays} business days of receiving the return.`,
    ],
    [
      'Exchanges',
      '',
      'Exchanges for a different size or colour are free of charge within the same period.',
      'Pillows and mattress toppers cannot be returned once opened, for hygiene reasons.',
    ],
  ];
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 22, size: 12, font }));
  }
  return pdf.save();
}

/** The shipping FAQ as Markdown. */
export const SHIPPING_FAQ_MARKDOWN = `# Shipping FAQ

## How long does delivery take?
Orders ship within 2 business days. Standard delivery takes 3-5 business days within the continental US.

## Do you ship internationally?
We ship to Canada and the United Kingdom. International delivery takes 7-12 business days, and customs duties are
paid by the customer on delivery.

## Can I track my parcel?
Yes: a tracking link is emailed as soon as your order leaves our warehouse.
`;
