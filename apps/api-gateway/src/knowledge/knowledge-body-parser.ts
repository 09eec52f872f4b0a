import express, { type RequestHandler } from 'express';
import { documentTooLarge } from './received-document.js';

/** The routes that take a document: POST .../knowledge and PUT .../knowledge/{doc}. */
const DOCUMENT_ROUTE = /^\/api\/v1\/agents\/[^/]+\/knowledge(?:\/[^/]+)?\/?$/;

/** Room for a document within KNOWLEDGE_MAX_BYTES in a JSON body: base64 adds a third, JSON escapes a little more. */
export function documentBodyLimit(maxBytes: number): number {
  return Math.ceil(maxBytes * 1.5) + 64 * 1024;
}

/**
 * The JSON parser of the document routes, run before the global one (HTTP_BODY_LIMIT, far smaller): their bodies
 * carry a whole document. The document itself is held to KNOWLEDGE_MAX_BYTES once decoded (receivedDocument); a
 * body past even this parser's limit is a 413 naming that limit too.
 */
export function knowledgeBodyParser(maxBytes: number): RequestHandler {
  const parse = express.json({ limit: documentBodyLimit(maxBytes) });
  return (req, res, next) => {
    if ((req.method !== 'POST' && req.method !== 'PUT') || !DOCUMENT_ROUTE.test(req.path)) {
      next();
      return;
    }
    void parse(req, res, (error?: unknown) => {
      next((error as { type?: string } | undefined)?.type === 'entity.too.large' ? documentTooLarge(maxBytes) : error);
    });
  };
}
