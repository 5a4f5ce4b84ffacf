// The grouping module's public surface; the search's internals stay private.
export type { ConstraintConflict, ConflictKind } from './constraints.js';
export { distanceMatrix, withinGroupSum } from './distance.js';
export { runEngine, budgetFor, type EngineInput, type EngineResult } from './engine.js';
export {
  groupByFeatures,
  MAX_STUDENTS,
  FeatureGroupingInputSchema,
  FeatureModeSchema,
  type FeatureGroupingInput,
  type FeatureGroupingOutcome,
  type FeatureGroupingResult,
} from './featureGrouping.js';
export {
  groupByProfiles,
  mainMisconceptions,
  GroupingModeSchema,
  SoftGoalsSchema,
  type GroupingMode,
  type SoftGoals,
  type ProfileGroupingRequest,
  type ProfileGroupingResult,
} from './profileGrouping.js';
export { placeLateArrivals, type LateArrivalInput, type LateArrivalResult } from './lateArrivals.js';
export {
  LATE_GROUP_CAP,
  placeLateStudent,
  type LateStudentInput,
  type LateStudentPlacement,
} from './lateStudent.js';
export { explainGroups, type ExplainInput, type Explanations } from './explain.js';
export { objectiveChange, type Adjustment } from './adjust.js';
export { groupSizing, type GroupSizing } from './sizes.js';
export { drawnGroupOf, drawnGroups, shownAsDrawn, type DrawnGroup } from './randomDraw.js';
