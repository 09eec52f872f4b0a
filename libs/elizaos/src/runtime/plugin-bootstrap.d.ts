// @elizaos/plugin-bootstrap ships no type declarations; eliza-core.ts describes what the engine uses of it.
declare module '@elizaos/plugin-bootstrap';
