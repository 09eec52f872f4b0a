export * from './handoff.views.js';
