import { MAX_TEMPLATE_RECORDS } from '@conjecture/shared';
import { BOARD_PAGE_ID } from '@conjecture/shared/board/index';

// Template shapes sit on the board's one page.
export { BOARD_PAGE_ID };

/** The parts of tldraw's shape, asset and binding records this module reads; the rest travels untouched. */
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
/** An arrow's end attached to a shape: tldraw keeps it as a record of its own, apart from the arrow. */
export interface TemplateBinding {
  id: string;
  typeName: 'binding';
  fromId: string;
  toId: string;
  [key: string]: unknown;
}
export type TemplateRecord = TemplateShape | TemplateAsset | TemplateBinding;

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
 * Bindings go along when both their ends do (an arrow from the task card to a diagram keeps following
 * them); one with an end left behind would dangle on every board, and the server refuses it.
 */
export function toTemplateRecords(
  shapes: readonly TemplateShape[],
  assets: readonly TemplateAsset[],
  pageId: string,
  bindings: readonly TemplateBinding[] = [],
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
  const keptIds = new Set(kept.map((s) => s.id));
  // Shapes before the bindings that join them, so every board gets a binding after both its ends.
  const records: TemplateRecord[] = [
    ...keptAssets,
    ...kept.map((s) => ({
      ...s,
      parentId: s.parentId === pageId ? BOARD_PAGE_ID : s.parentId,
      isLocked: true,
    })),
    ...bindings.filter((b) => keptIds.has(b.fromId) && keptIds.has(b.toId)),
  ];
  if (records.length > MAX_TEMPLATE_RECORDS)
    problems.push(
      `A template holds at most ${MAX_TEMPLATE_RECORDS} shapes, images and arrow ends (this one has ${records.length}).`,
    );
  return problems.length > 0 ? { ok: false, problems: [...new Set(problems)] } : { ok: true, records };
}

/**
 * The stored template → records for the teacher's canvas, shapes unlocked so the teacher can edit them
 * again. Bindings come back only between shapes that do (tldraw would refuse to load one that dangles).
 */
export function fromTemplateRecords(records: readonly unknown[]): {
  shapes: TemplateShape[];
  assets: TemplateAsset[];
  bindings: TemplateBinding[];
} {
  const shapes: TemplateShape[] = [];
  const assets: TemplateAsset[] = [];
  const bindings: TemplateBinding[] = [];
  for (const r of records) {
    if (typeof r !== 'object' || r === null) continue;
    const record = r as { typeName?: unknown };
    if (record.typeName === 'shape') shapes.push({ ...(r as TemplateShape), isLocked: false });
    else if (record.typeName === 'asset') assets.push(r as TemplateAsset);
    else if (record.typeName === 'binding') bindings.push(r as TemplateBinding);
  }
  const shapeIds = new Set(shapes.map((s) => s.id));
  return { shapes, assets, bindings: bindings.filter((b) => shapeIds.has(b.fromId) && shapeIds.has(b.toId)) };
}
