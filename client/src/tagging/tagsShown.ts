import { effectiveQuestion, effectiveQuestionType, type ContributionTag } from '@conjecture/shared';
import { isNotSure } from './howSure.js';

/** A lesson tags hundreds of contributions: the dashboard leads with the newest few. */
export const NEWEST_TAGS_SHOWN = 10;

/**
 * A tag the teacher should check: its talk move "not sure", or a question whose type the tagger withheld
 * ("not sure enough to show"). Her correction settles it.
 */
export const needsTheTeacher = (tag: ContributionTag) =>
  !tag.corrected &&
  (isNotSure(tag.confidence) || (effectiveQuestion(tag) && effectiveQuestionType(tag) === null));

/**
 * The rows of a short list, newest first: the newest few, the older ones that need the teacher, and those
 * she has put her hands on (`kept`), so a row she corrects never leaves from under her pointer.
 */
export function tagsShown(
  newestFirst: readonly ContributionTag[],
  kept: ReadonlySet<string>,
): ContributionTag[] {
  return newestFirst.filter(
    (tag, i) => i < NEWEST_TAGS_SHOWN || needsTheTeacher(tag) || kept.has(tag.contributionId),
  );
}
