import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { GatewayEnv } from '@voca/config';
import {
  KnowledgeDocumentBody,
  KnowledgeDocumentDetailView,
  KnowledgeDocumentListView,
  KnowledgeFileForm,
} from '@voca/contracts';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ApiBearerRoutes, ApiBodyAlsoAs, ApiError, ApiIdParam } from '../http/api-docs.js';
import { uuidParam } from '../http/uuid-param.js';
import { DocumentBodyInterceptor } from './document-body.interceptor.js';
import { documentRef } from './document-ref.js';
import { KnowledgeDocuments, type PutOutcome } from './knowledge-documents.service.js';
import { receivedDocument, type UploadedDocumentFile } from './received-document.js';

const PUT_STATUS: Record<PutOutcome, number> = { created: 201, versioned: 202, unchanged: 200 };

/** The `{doc}` of a route: a document's id or its name. */
const DocumentParam = () =>
  applyDecorators(
    ApiParam({
      name: 'doc',
      schema: { type: 'string', example: 'product_catalog' },
      description: "The document's id (a UUID) or its name",
    }),
    ApiError(
      400,
      'A parameter is not valid (named in `fields`): an agent id that is not a UUID, a document name that cannot be one',
    ),
    ApiError(404, 'No agent with this id that the token may see, or no such document of it'),
  );

/** A document in a request: a multipart file upload, or JSON with its content, its bytes in base64 or a URL. */
const DocumentBody = () =>
  applyDecorators(
    UseInterceptors(DocumentBodyInterceptor, FileInterceptor('file')),
    ApiExtraModels(KnowledgeFileForm),
    ApiBody({
      type: KnowledgeDocumentBody,
      description:
        'multipart/form-data with the file, or JSON with exactly one of content, content_base64 or url. The format is `format`, else told by the file name or name and the content type, else by the URL path.',
      examples: {
        json: {
          summary: 'A catalog as JSON',
          value: {
            name: 'product_catalog',
            content: [
              { sku: 'BS-100', name: 'Cotton bedding set, queen', price: 89 },
              { sku: 'PL-210', name: 'Memory foam pillow', price: 45 },
            ],
          },
        },
        text: {
          summary: 'A policy in Markdown',
          value: {
            name: 'return_policy.md',
            content: '# Returns\n\nUnused items can be returned within 30 days for a full refund.\n',
          },
        },
        pdf: {
          summary: 'A PDF, in base64',
          value: { name: 'care_guide.pdf', content_base64: 'JVBERi0xLjcKJcTl8uXrp/Og0MTGCg==' },
        },
        url: {
          summary: 'A document the engine fetches once',
          value: { name: 'faq', format: 'markdown', url: 'https://cozycomfort.com/downloads/faq.md' },
        },
      },
    }),
    ApiBodyAlsoAs({ 'multipart/form-data': { schema: { $ref: getSchemaPath(KnowledgeFileForm) } } }),
    ApiError(
      400,
      'The body is not valid JSON or a field is not valid (named in `fields`): not exactly one of content, content_base64 or url, a format that cannot be told, a URL the engine may not fetch',
    ),
    ApiError(
      413,
      'The document is larger than KNOWLEDGE_MAX_BYTES (a file, or the content of a JSON body once decoded)',
    ),
    ApiError(
      415,
      'A body neither JSON nor multipart/form-data, an encoding or charset the API does not read, or a file whose format the engine cannot tell (name it in format)',
    ),
    ApiError(
      422,
      'The agent has KNOWLEDGE_MAX_DOCUMENTS documents, or its answering documents hold KNOWLEDGE_MAX_CHUNKS chunks',
    ),
    ApiError(503, "A URL's host could not be looked up now, or the database cannot be reached; try again", {
      retryAfter: true,
    }),
  );

@ApiTags('knowledge')
@ApiBearerRoutes()
@ApiIdParam('id', 'agent')
@Controller('api/v1/agents/:id/knowledge')
export class KnowledgeController {
  private readonly maxBytes: number;

  constructor(
    private readonly documents: KnowledgeDocuments,
    config: ConfigService<GatewayEnv, true>,
  ) {
    this.maxBytes = config.get('KNOWLEDGE_MAX_BYTES', { infer: true });
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Upload a document for the agent (a catalog, a policy, an FAQ): it is indexed, then the agent answers from it',
  })
  @DocumentBody()
  @ApiAcceptedResponse({
    type: KnowledgeDocumentDetailView,
    description: 'The document, its first version queued for indexing',
  })
  @ApiError(409, 'The agent has a document of this name already (PUT uploads a new version), or is being deleted')
  async upload(
    @Param('id', uuidParam('id')) agentId: string,
    @Body() body: KnowledgeDocumentBody,
    @UploadedFile() file: UploadedDocumentFile | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<KnowledgeDocumentDetailView> {
    const received = receivedDocument(body, file, Boolean(request.is('multipart/form-data')), this.maxBytes);
    const view = await this.documents.create(agentId, received, { principal, requestId: request.id });
    response.setHeader('Location', `/api/v1/agents/${agentId}/knowledge/${view.id}`);
    return view;
  }

  @Put(':doc')
  @DocumentParam()
  @ApiOperation({
    summary:
      'Upload a new version of a document; the agent answers from the current one until it is indexed. By name, a document not there yet is made',
  })
  @DocumentBody()
  @ApiOkResponse({
    type: KnowledgeDocumentDetailView,
    description: "The same bytes and format as the newest version's: nothing new",
  })
  @ApiCreatedResponse({
    type: KnowledgeDocumentDetailView,
    description: 'No document had this name: it was made, its first version queued for indexing',
  })
  @ApiAcceptedResponse({ type: KnowledgeDocumentDetailView, description: 'A new version, queued for indexing' })
  @ApiError(409, 'The agent is being deleted')
  async put(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('doc') doc: string,
    @Body() body: KnowledgeDocumentBody,
    @UploadedFile() file: UploadedDocumentFile | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<KnowledgeDocumentDetailView> {
    const ref = documentRef(doc);
    const received = receivedDocument(body, file, Boolean(request.is('multipart/form-data')), this.maxBytes);
    const { outcome, view } = await this.documents.put(agentId, ref, received, { principal, requestId: request.id });
    response.status(PUT_STATUS[outcome]);
    if (outcome !== 'unchanged') response.setHeader('Location', `/api/v1/agents/${agentId}/knowledge/${view.id}`);
    return view;
  }

  @Get()
  @ApiOperation({ summary: "The agent's documents, by name, each with its newest version's status" })
  @ApiOkResponse({ type: KnowledgeDocumentListView })
  list(
    @Param('id', uuidParam('id')) agentId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeDocumentListView> {
    return this.documents.list(agentId, principal);
  }

  @Get(':doc')
  @DocumentParam()
  @ApiOperation({ summary: 'One document, with the steps of indexing its newest version' })
  @ApiOkResponse({ type: KnowledgeDocumentDetailView })
  get(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('doc') doc: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KnowledgeDocumentDetailView> {
    return this.documents.get(agentId, documentRef(doc), principal);
  }

  @Delete(':doc')
  @HttpCode(204)
  @DocumentParam()
  @ApiOperation({ summary: 'Delete a document with every version of it: the agent no longer answers from it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(
    @Param('id', uuidParam('id')) agentId: string,
    @Param('doc') doc: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request & { id: string },
  ): Promise<void> {
    return this.documents.remove(agentId, documentRef(doc), { principal, requestId: request.id });
  }
}
