import { MAX_TEMPLATE_RECORDS } from '@conjecture/shared';

/** The page every group board has (the server seeds it): template shapes sit on it. */
export const BOARD_PAGE_ID = 'page:page';

/** The parts of tldraw's shape and asset records this module reads; the rest travels untouched. */
export interface TemplateShape {
  id: string;
  typeName: 'shape';
  parentId: string;
  isLocked: boolean;
  props: object;
  [key: string]: unknown;
}
export interface TemplateAsset {
  id: string;
  typeName: 'asset';
  props: { src?: string | null };
  [key: string]: unknown;
}
export type TemplateRecord = TemplateShape | TemplateAsset;

export type Serialised = { ok: true; records: TemplateRecord[] } | { ok: false; problems: string[] };

const assetIdOf = (shape: TemplateShape): string | null => {
  const id = (shape.props as { assetId?: unknown }).assetId;
  return typeof id === 'string' ? id : null;
};

/**
 * The teacher's canvas → the records PUT to the class. Shapes come from one page of the local editor, so
 * top-level ones are re-parented onto the boards' page; each is marked locked (students' editors then
 * treat it as fixed: a hint, the server's lock is what enforces). Only the assets shapes use go along,
 * and only once uploaded: an image still on its way (or inlined as data) would put bytes in every board.
 */
export function toTemplateRecords(
  shapes: readonly TemplateShape[],
  assets: readonly TemplateAsset[],
  pageId: string,
): Serialised {
  const onPage = new Set<string>([pageId]);
  // Children follow their parents (frames, groups): walk until no more shapes join.
  let grown = true;
  while (grown) {
    grown = false;
    for (const s of shapes)
      if (!onPage.has(s.id) && onPage.has(s.parentId)) {
        onPage.add(s.id);
        grown = true;
      }
  }
  const kept = shapes.filter((s) => s.id !== pageId && onPage.has(s.id));
  const used = new Set(kept.map(assetIdOf).filter((id): id is string => id !== null));
  const problems: string[] = [];
  const keptAssets = assets.filter((a) => used.has(a.id));
  for (const a of keptAssets) {
    const src = a.props.src ?? '';
    if (!src.startsWith('/')) problems.push('An image is still uploading: wait a moment and place again.');
  }
  for (const id of used)
    if (!keptAssets.some((a) => a.id === id))
      problems.push('An image has no file: delete it and add it again.');
  const records: TemplateRecord[] = [
    ...keptAssets,
    ...kept.map((s) => ({
      ...s,
      parentId: s.parentId === pageId ? BOARD_PAGE_ID : s.parentId,
      isLocked: true,
    })),
  ];
  if (records.length > MAX_TEMPLATE_RECORDS)
    problems.push(
      `A template holds at most ${MAX_TEMPLATE_RECORDS} shapes and images (this one has ${records.length}).`,
    );
  return problems.length > 0 ? { ok: false, problems: [...new Set(problems)] } : { ok: true, records };
}

/** The stored template → records for the teacher's canvas, unlocked so the teacher can edit them again. */
export function fromTemplateRecords(records: readonly unknown[]): {
  shapes: TemplateShape[];
  assets: TemplateAsset[];
} {
  const shapes: TemplateShape[] = [];
  const assets: TemplateAsset[] = [];
  for (const r of records) {
    if (typeof r !== 'object' || r === null) continue;
    const record = r as { typeName?: unknown };
    if (record.typeName === 'shape') shapes.push({ ...(r as TemplateShape), isLocked: false });
    else if (record.typeName === 'asset') assets.push(r as TemplateAsset);
  }
  return { shapes, assets };
}
