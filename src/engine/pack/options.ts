// Choice answers as people write them: an option's id, its label in any language, or one of its
// aliases ("bv", "vzw", "Bruxelles", "Vlaanderen"), ignoring case, accents, dots and spaces.
import type { ProfileQuestion } from './schema.js';

type Option = NonNullable<ProfileQuestion['options']>[number];

/** "B.V." → "bv", "Wallonië" → "wallonie", "Bruxelles-Capitale" → "bruxellescapitale". */
export function normalizeChoice(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function spellings(o: Option): string[] {
  return [o.id, ...Object.values(o.label), ...(o.aliases ?? [])].map(normalizeChoice);
}

/** The option the text names, or undefined. */
export function resolveOption(question: Pick<ProfileQuestion, 'options'>, text: string): Option | undefined {
  const options = question.options ?? [];
  const exact = options.find((o) => o.id === text);
  if (exact) return exact;
  const key = normalizeChoice(text);
  if (!key) return undefined;
  return options.find((o) => spellings(o).includes(key));
}

/** The option whose id, label or alias is nearest to a mistyped text (at most a third of it wrong). */
export function nearestOption(question: Pick<ProfileQuestion, 'options'>, text: string): Option | undefined {
  const key = normalizeChoice(text);
  let best: { option: Option; distance: number } | undefined;
  for (const option of question.options ?? []) {
    for (const spelling of spellings(option)) {
      const distance = editDistance(key, spelling);
      if (!best || distance < best.distance) best = { option, distance };
    }
  }
  return best && best.distance <= Math.max(1, Math.floor(key.length / 3)) ? best.option : undefined;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
