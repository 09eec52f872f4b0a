import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { KNOWLEDGE_FORMATS, type KnowledgeDocumentBody, type KnowledgeFormat } from '@voca/contracts';
import { formatOf } from '@voca/knowledge';
import { createHash } from 'node:crypto';
import { fieldError, type FieldErrorBody } from '../http/field-errors.js';

/** The file part of a multipart upload, as multer (memory storage) hands it over. */
export interface UploadedDocumentFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Bytes received with the request: an uploaded file, a JSON body's `content` or its `content_base64`. */
export interface ReceivedBytes {
  source: 'file' | 'content' | 'content_base64';
  bytes: Buffer;
  sha256: string;
  fileName: string | null;
  /** The file part's content type. */
  contentType?: string;
}

/** A URL the indexer fetches the document from, once. */
export interface ReceivedUrl {
  source: 'url';
  url: string;
}

/** A document as a request carries it, before it is known which document it is a version of. */
export type ReceivedDocument = (ReceivedBytes | ReceivedUrl) & {
  /** The name the body gives (`name`). */
  name?: string;
  /** The format the body names (`format`), or the one its content can only be (a JSON value: json). */
  format?: KnowledgeFormat;
};

const JSON_SOURCES = ['content', 'content_base64', 'url'] as const;

/** The 413 of a document over KNOWLEDGE_MAX_BYTES, whichever way it was sent. */
export function documentTooLarge(maxBytes: number): PayloadTooLargeException {
  return new PayloadTooLargeException(
    `the document is larger than KNOWLEDGE_MAX_BYTES (${maxBytes} bytes): split it, or ask for a larger limit`,
  );
}

function refused(fields: readonly string[], message: string): BadRequestException {
  const body: FieldErrorBody = { message, fields: fields.map((field) => ({ field, messages: [message] })) };
  return new BadRequestException(body);
}

/**
 * What a document request carries, checked: a multipart body its file part (with `name` and `format` fields), a JSON
 * body exactly one of `content`, `content_base64` or `url`; bytes within KNOWLEDGE_MAX_BYTES and not empty.
 */
export function receivedDocument(
  body: KnowledgeDocumentBody,
  file: UploadedDocumentFile | undefined,
  multipart: boolean,
  maxBytes: number,
): ReceivedDocument {
  const sources = JSON_SOURCES.filter((source) => body[source] !== undefined && body[source] !== null);
  const named = { ...(body.name !== undefined && { name: body.name }), ...(body.format && { format: body.format }) };
  if (multipart) {
    if (sources.length > 0)
      throw refused(sources, `${sources.join(', ')}: a multipart body carries the document in its file part only`);
    if (!file)
      throw new BadRequestException(fieldError('file', 'a multipart body needs the document as its file part'));
    if (file.size > maxBytes) throw documentTooLarge(maxBytes);
    const bytes = bytesOf(file.buffer, 'file');
    return { source: 'file', ...bytes, fileName: file.originalname || null, contentType: file.mimetype, ...named };
  }
  if (sources.length !== 1)
    throw refused(
      sources.length ? sources : JSON_SOURCES,
      'send exactly one of content (text or JSON), content_base64 (a binary file) or url (fetched once)',
    );
  if (body.url !== undefined) return { source: 'url', url: body.url, ...named };
  if (body.content_base64 !== undefined) {
    const decoded = Buffer.from(body.content_base64, 'base64');
    if (decoded.length > maxBytes) throw documentTooLarge(maxBytes);
    return { source: 'content_base64', ...bytesOf(decoded, 'content_base64'), fileName: null, ...named };
  }
  const content = body.content!;
  if (typeof content === 'string') {
    if (Buffer.byteLength(content) > maxBytes) throw documentTooLarge(maxBytes);
    return { source: 'content', ...bytesOf(Buffer.from(content), 'content'), fileName: null, ...named };
  }
  // A JSON value is a JSON document, kept as its JSON text.
  if (body.format !== undefined && body.format !== 'json')
    throw new BadRequestException(fieldError('content', "must be the document's text unless format is json"));
  const text = JSON.stringify(content);
  if (Buffer.byteLength(text) > maxBytes) throw documentTooLarge(maxBytes);
  return { source: 'content', ...bytesOf(Buffer.from(text), 'content'), fileName: null, ...named, format: 'json' };
}

function bytesOf(bytes: Buffer, field: string): { bytes: Buffer; sha256: string } {
  if (bytes.length === 0) throw new BadRequestException(fieldError(field, 'the document is empty'));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * The format a document is read as: the one the body names, else the one its file's name or its document's name and
 * the file's content type tell, else a URL path's extension, else (a new version) its document's format so far. An
 * uploaded file whose format cannot be told is a 415; a JSON body's, a 400 naming `format`.
 */
export function formatFor(
  received: ReceivedDocument,
  documentName: string,
  formatSoFar?: KnowledgeFormat,
): KnowledgeFormat {
  if (received.format) return received.format;
  if (received.source === 'file') {
    const format =
      (received.fileName ? formatOf(received.fileName, received.contentType) : undefined) ??
      formatOf(documentName, received.contentType);
    if (format) return format;
    throw new UnsupportedMediaTypeException(
      `the file's format cannot be told from its name or content type (${received.contentType || 'none'}): the engine reads ${KNOWLEDGE_FORMATS.join(', ')}; name one in format`,
    );
  }
  const format =
    formatOf(documentName) ??
    (received.source === 'url' ? formatOf(new URL(received.url).pathname) : undefined) ??
    formatSoFar;
  if (format) return format;
  throw new BadRequestException(
    fieldError(
      'format',
      `is required: the document's format cannot be told from its name${received.source === 'url' ? ' or its URL' : ''} (one of ${KNOWLEDGE_FORMATS.join(', ')})`,
    ),
  );
}
