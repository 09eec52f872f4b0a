import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, Matches, ValidateBy } from 'class-validator';
import { Length } from '../text/text-length.js';
import { IsKnowledgeDocumentName } from './document-name.js';
import { KNOWLEDGE_FORMATS, type KnowledgeFormat } from './passages.js';

/** Standard base64, its padding optional; line breaks (as `base64` wraps its output) are allowed. */
const BASE64 = /^(?:[A-Za-z0-9+/]|\r?\n)*(?:={1,2}\r?\n?)?$/;

const NAME_DESCRIPTION =
  "Unique per agent: a spec key (`product_catalog`) or a file's name; 1-200 letters, digits, `_ - .` and spaces. " +
  "Required on POST, except with a file (then the file's name); on PUT, absent or the document's own name.";

const FORMAT_DESCRIPTION =
  'How the document is read. Absent: from the file name or name and the content type (`.json`, `.csv`, `.md`, ' +
  "`.txt`, `.html`, `.pdf`), else from the URL path's extension.";

/** A document's content in a JSON body: text, or a JSON document itself (format json). */
function IsDocumentContent(): PropertyDecorator {
  return ValidateBy({
    name: 'documentContent',
    validator: {
      validate: (value) => (typeof value === 'string' ? value.length > 0 : typeof value === 'object' && value !== null),
      defaultMessage: (args) =>
        args?.value === ''
          ? `${args.property} must not be empty`
          : `${args?.property} must be the document's text, or a JSON object or array (format json)`,
    },
  });
}

/**
 * A new document or version of one, in a JSON body: exactly one of `content`, `content_base64` or `url`. The fields
 * of a multipart upload (`name`, `format`) are read with it too.
 */
export class KnowledgeDocumentBody {
  @ApiPropertyOptional({ example: 'product_catalog', description: NAME_DESCRIPTION })
  @IsOptional()
  @IsKnowledgeDocumentName()
  name?: string;

  @ApiPropertyOptional({ enum: KNOWLEDGE_FORMATS, example: 'json', description: FORMAT_DESCRIPTION })
  @IsOptional()
  @IsIn(KNOWLEDGE_FORMATS, { message: `format must be one of: ${KNOWLEDGE_FORMATS.join(', ')}` })
  format?: KnowledgeFormat;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }, { type: 'array', items: {} }],
    example: [{ sku: 'BS-100', name: 'Cotton bedding set, queen', price: 89 }],
    description:
      'The document: its text (JSON, CSV, Markdown, HTML or plain text, as the file would hold it), or for format json a JSON object or array, stored as its JSON text. At most KNOWLEDGE_MAX_BYTES in UTF-8.',
  })
  @IsOptional()
  @IsDocumentContent()
  content?: string | object;

  @ApiPropertyOptional({
    example: 'JVBERi0xLjcKJcTl8uXrp/Og0MTGCg==',
    description: 'A binary document (a PDF), in base64; at most KNOWLEDGE_MAX_BYTES once decoded',
  })
  @IsOptional()
  @IsString()
  @Matches(BASE64, { message: 'content_base64 must be base64 (A-Z, a-z, 0-9, + and /)' })
  content_base64?: string;

  @ApiPropertyOptional({
    example: 'https://cozycomfort.com/downloads/bedding_products.json',
    description:
      "An HTTPS URL the engine fetches the document from, once (plain HTTP only outside production; never an address inside the engine's network); at most KNOWLEDGE_MAX_BYTES",
  })
  @IsOptional()
  @IsString()
  @Length(1, 2048)
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false },
    { message: 'url must be an absolute http(s) URL' },
  )
  url?: string;
}

/** A document uploaded as a file (multipart/form-data): what the OpenAPI document describes for that media type. */
export class KnowledgeFileForm {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'The document, at most KNOWLEDGE_MAX_BYTES; its content type and file name tell its format',
  })
  file: unknown;

  @ApiPropertyOptional({ example: 'product_catalog', description: NAME_DESCRIPTION })
  name?: string;

  @ApiPropertyOptional({ enum: KNOWLEDGE_FORMATS, example: 'json', description: FORMAT_DESCRIPTION })
  format?: KnowledgeFormat;
}
