/** The value of a numeric command-line option (`--epochs 6`), or an error naming the flag. */
export function numberOption(flag: string, raw: string | undefined): number {
  const n = Number(raw);
  if (raw === undefined || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
  return n;
}
