// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const APPS = ['api-gateway', 'aws-connect-worker', 'elizaos-worker', 'context-service'];

/** An app reaches libs through their public face (`@voca/<lib>`) and never another app. */
const appBoundaries = APPS.map((app) => ({
  files: [`apps/${app}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: APPS.filter((other) => other !== app).flatMap((other) => [`**/${other}/**`]),
            message: 'apps never import each other: share it through a lib',
          },
          { group: ['**/libs/**', '@voca/*/src/**'], message: 'import a lib by its public face, @voca/<lib>' },
        ],
      },
    ],
  },
}));

/**
 * Who may change each table. `owner`: the one app that writes it directly (`null`: no app does); every other app
 * changes it only through what `via` names, a lib's store or functions. ESLint holds apps to it (below), and
 * ARCHITECTURE.md's table of tables is checked against it (test/integration/architecture.test.ts).
 */
export const TABLE_OWNERS = {
  agents: { entity: 'Agent', owner: 'api-gateway', via: 'OperationRecords (libs/provisioning)' },
  agent_channels: { entity: 'AgentChannel', owner: null, via: 'AgentChannelStore (libs/persistence)' },
  agent_characters: { entity: 'AgentCharacter', owner: 'elizaos-worker', via: 'CharacterStore (libs/elizaos)' },
  agent_events: { entity: 'AgentEvent', owner: null, via: 'auditAgentChange, retention (libs/persistence)' },
  provisioning_operations: {
    entity: 'ProvisioningOperation',
    owner: 'api-gateway',
    via: 'ProvisioningOperations, StepTracker, OperationRecords (libs/persistence, libs/provisioning)',
  },
  provisioning_steps: {
    entity: 'ProvisioningStep',
    owner: 'api-gateway',
    via: 'ProvisioningOperations, StepTracker, OperationRecords (libs/persistence, libs/provisioning)',
  },
  idempotency_keys: { entity: 'IdempotencyKey', owner: 'api-gateway', via: null },
  connect_instances: { entity: 'ConnectInstance', owner: null, via: 'the live provisioner (libs/aws-connect)' },
  connect_phone_numbers: { entity: 'ConnectPhoneNumber', owner: null, via: 'the live provisioner (libs/aws-connect)' },
  platform_subscriptions: { entity: 'PlatformSubscription', owner: 'elizaos-worker', via: null },
  conversation_messages: {
    entity: 'ConversationMessage',
    owner: 'context-service',
    via: 'ConversationMessages, inbound-records, identity-links, person-replies, customer-data (libs/persistence)',
  },
  customers: {
    entity: 'Customer',
    owner: 'context-service',
    via: 'CustomerIdentities, customer-data (libs/persistence)',
  },
  customer_identities: {
    entity: 'CustomerIdentity',
    owner: 'context-service',
    via: 'CustomerIdentities, identity-links, customer-data (libs/persistence)',
  },
  handoffs: { entity: 'Handoff', owner: 'context-service', via: 'person-replies, customer-data (libs/persistence)' },
  events: { entity: 'EngineEvent', owner: null, via: 'recordEvent, customer-data, retention (libs/persistence)' },
  event_endpoints: { entity: 'EventEndpoint', owner: 'api-gateway', via: null },
  event_deliveries: { entity: 'EventDelivery', owner: 'context-service', via: 'recordEvent (libs/persistence)' },
  customer_erasures: { entity: 'CustomerErasure', owner: null, via: 'customer-data, retention (libs/persistence)' },
  knowledge_documents: {
    entity: 'KnowledgeDocument',
    owner: 'api-gateway',
    via: 'KnowledgeVersions (libs/persistence)',
  },
  knowledge_versions: {
    entity: 'KnowledgeVersion',
    owner: 'api-gateway',
    via: 'KnowledgeVersions (libs/persistence)',
  },
  knowledge_chunks: { entity: 'KnowledgeChunkRow', owner: 'context-service', via: null },
  knowledge_terms: { entity: 'KnowledgeTerm', owner: 'context-service', via: null },
  agent_tools: { entity: 'AgentTool', owner: 'api-gateway', via: null },
  tool_calls: { entity: 'ToolCall', owner: 'elizaos-worker', via: 'ToolCalls (libs/persistence)' },
};

const WRITES = 'insert|update|delete|upsert|save|remove|softDelete|restore|increment|decrement';

/** The statements that would change `table` outside its owner: entity calls, repository calls and raw SQL. */
function writesTo(table, { entity, via }) {
  const message = `${table} is not this app's to change: ${via ? `go through ${via}` : 'ask its owner'} (TABLE_OWNERS)`;
  const sql = `/\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+"?${table}"?\\b/i`;
  return [
    { selector: `CallExpression[callee.property.name=/^(${WRITES}|into)$/][arguments.0.name='${entity}']`, message },
    {
      selector: `CallExpression[callee.property.name=/^(${WRITES})$/][callee.object.callee.property.name='getRepository'][callee.object.arguments.0.name='${entity}']`,
      message,
    },
    { selector: `Literal[value=${sql}]`, message },
    { selector: `TemplateElement[value.raw=${sql}]`, message },
  ];
}

/** Each app writes only the tables it owns; the rest through their stores. */
export const tableOwnership = APPS.map((app) => ({
  files: [`apps/${app}/**/*.ts`],
  ignores: ['**/*.spec.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      ...Object.entries(TABLE_OWNERS)
        .filter(([, table]) => table.owner !== app)
        .flatMap(([name, table]) => writesTo(name, table)),
    ],
  },
}));

export default tseslint.config(
  // The API client's types are generated from the OpenAPI document (test/integration/openapi-client.test.ts).
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', 'clients/typescript/schema.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Type-aware: a promise nobody awaits or handles loses its errors and its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  ...appBoundaries,
  ...tableOwnership,
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/apps/**', ...APPS.map((app) => `**/${app}/src/**`)], message: 'libs never import apps' },
            { group: ['@voca/*/src/**'], message: 'import a lib by its public face, @voca/<lib>' },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON answers loosely on purpose: a test reaches into what it got to check it.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  prettier,
  {
    // After eslint-config-prettier, which turns it off: Prettier wraps code at 120, comments are wrapped by hand to
    // the same width, and long strings stay whole.
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
);
