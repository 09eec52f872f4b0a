import { ApiProperty } from '@nestjs/swagger';
import type { KnowledgeCitation } from './passages.js';

/** A chunk of the agent's documents a reply answered from. */
export class CitationView implements KnowledgeCitation {
  @ApiProperty({ format: 'uuid', example: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' })
  document_id: string;

  @ApiProperty({ example: 'product_catalog', description: "The document's name (the spec's key, or a file's name)" })
  document_name: string;

  @ApiProperty({ example: 2, description: 'The version of the document the reply used' })
  version: number;

  @ApiProperty({ example: 41, description: "The chunk's place in that version, from 0" })
  chunk: number;

  @ApiProperty({ example: 'Cloud Duvet', description: "The record's name or the section's heading path" })
  title: string;

  @ApiProperty({ example: 'record 42', description: 'Where in the document: record N, row N, line N, page N' })
  location: string;
}
