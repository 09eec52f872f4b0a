import type { KnowledgeFormat } from '@voca/contracts';

const BY_CONTENT_TYPE: Readonly<Partial<Record<string, KnowledgeFormat>>> = {
  'application/json': 'json',
  'text/json': 'json',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'text/plain': 'text',
};

const BY_EXTENSION: Readonly<Partial<Record<string, KnowledgeFormat>>> = {
  json: 'json',
  csv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
};

/** The formats a `text/plain` upload may name by its extension: browsers send text/plain for any text file. */
const PLAIN_TEXT_FORMATS = new Set<KnowledgeFormat>(['json', 'csv', 'markdown', 'text']);

/**
 * A document's format from the content type it was uploaded with when that type names one, else from its file
 * name's extension (`application/octet-stream` and other generic types say nothing). `undefined`: not a format the
 * engine reads.
 */
export function formatOf(name: string, contentType?: string): KnowledgeFormat | undefined {
  const byExtension = BY_EXTENSION[extensionOf(name)];
  const byType = contentType ? BY_CONTENT_TYPE[mediaType(contentType)] : undefined;
  if (byType === 'text' && byExtension && PLAIN_TEXT_FORMATS.has(byExtension)) return byExtension;
  return byType ?? byExtension;
}

function mediaType(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

function extensionOf(name: string): string {
  const base = name.trim().split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The document's name without its format's extension, to title what has no heading of its own. */
export function documentTitle(name: string): string {
  const base = name.trim();
  const extension = extensionOf(base);
  const stem = BY_EXTENSION[extension] ? base.slice(0, base.length - extension.length - 1) : base;
  return stem.trim() || base || 'document';
}
