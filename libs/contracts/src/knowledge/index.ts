export * from './passages.js';
export * from './document-name.js';
export * from './knowledge-document.dto.js';
export * from './knowledge-document.views.js';
export * from './citation.view.js';
