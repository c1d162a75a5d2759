// Maximum lengths of the free-text fields of an answers file (README "Limits"). Beyond them a file is
// refused with one line: a name or note that long is a mistake (or an attack), and no report could
// lay it out.

/** Characters (code points) allowed in a company name. */
export const MAX_NAME = 300;
/** Characters allowed in any other free-text profile field (a pack may add some). */
export const MAX_PROFILE_TEXT = 200;
/** Characters allowed in one advisor note. */
export const MAX_NOTE = 4000;
/** Characters allowed in a key or an id (question, option, dimension ids are short words). */
export const MAX_ID = 100;

export function profileTextLimit(field: string): number {
  return field === 'name' ? MAX_NAME : MAX_PROFILE_TEXT;
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** A value quoted in an error message: at most `max` characters, then "…". */
export function clip(text: string, max = 40): string {
  if (text.length <= max) return text;
  return `${Array.from(text.slice(0, max + 1)).slice(0, max).join('')}…`;
}
