export * from './moveLabels.js';
export * from './tagSummary.js';
