import { z } from 'zod';
import { SpeakerRoleSchema, type SpeakerRole } from './labels.js';
import { decodeRoleModel, RoleMetricsSchema, RoleModelSchema, type RoleModel } from './model.js';
import { decodeQuestionModel, QuestionModelSchema, type QuestionModel } from './questionModel.js';
import { lazySchema } from '../../lazySchema.js';

/** v2: pruned sparse weights, next-utterance features and a trained question-type model. */
export const MODEL_FORMAT = 'conjecture-talkmoves-linear/2';

export const TalkMovesModelFileSchema = lazySchema(() =>
  z.object({
    format: z.literal(MODEL_FORMAT),
    license: z.string(),
    attribution: z.string(),
    hashBits: z.number().int().min(10).max(24),
    featureVersion: z.number().int(),
    training: z.record(z.string(), z.unknown()),
    metrics: z.object({
      split: z.string(),
      /** Dev figures without the next utterance (how a contribution is first tagged live). */
      dev: z.record(SpeakerRoleSchema, RoleMetricsSchema),
      /** Dev figures with the next utterance (a transcript, or a live contribution once another follows). */
      devWithNext: z.record(SpeakerRoleSchema, RoleMetricsSchema),
    }),
    roles: z.record(SpeakerRoleSchema, RoleModelSchema),
    /** NCTM question types: a model of their own, trained on the labelled questions. */
    questionTypes: QuestionModelSchema,
  }),
);
export type TalkMovesModelFile = z.infer<typeof TalkMovesModelFileSchema>;

/** A model ready to score: weights decoded once at load. */
export interface TalkMovesModel {
  file: TalkMovesModelFile;
  hashBits: number;
  roles: Record<SpeakerRole, RoleModel>;
  questionTypes: QuestionModel;
}

/** Validates and decodes a model file's JSON (already parsed); the caller does the I/O. */
export function loadTalkMovesModel(json: unknown): TalkMovesModel {
  const file = TalkMovesModelFileSchema.parse(json);
  return {
    file,
    hashBits: file.hashBits,
    roles: {
      teacher: decodeRoleModel(file.roles.teacher, file.hashBits),
      student: decodeRoleModel(file.roles.student, file.hashBits),
    },
    questionTypes: decodeQuestionModel(file.questionTypes),
  };
}
