export * from './tool-call.js';
export * from './tool.dto.js';
export * from './tool.views.js';
