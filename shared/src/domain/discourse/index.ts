export * from './moveLabels.js';
export * from './tagSummary.js';
export * from './effectiveTag.js';
