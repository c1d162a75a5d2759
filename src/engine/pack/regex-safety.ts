// A pack's `pattern` runs on what a person types (or a form cell). JavaScript's regular expressions
// backtrack: a group that repeats and itself contains a repetition or alternatives — `(a+)+`,
// `(\d*)*`, `(a|aa)+` — can take exponential time on a crafted value and hang the command. Such
// patterns are refused when the pack is loaded; every other one runs in polynomial time on values
// already capped in length.

/** Longest pattern accepted. */
export const MAX_PATTERN = 200;

/** Why `pattern` is unsafe to run, or undefined when it is safe. */
export function unsafePattern(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN) return `is ${pattern.length} characters long, at most ${MAX_PATTERN} are allowed`;
  // For each open group: whether it holds a repetition or an alternation so far.
  const stack: { risky: boolean }[] = [];
  /** What the last atom was: a group that holds a repetition/alternation, or anything else. */
  let lastGroupRisky = false;
  let lastAtom = false;
  const markRisky = () => {
    for (const g of stack) g.risky = true;
  };
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'uses a back-reference, which can take exponential time';
      i++;
      lastAtom = true;
      lastGroupRisky = false;
      continue;
    }
    if (ch === '[') {
      // A character class is one atom: skip to its closing bracket (escapes inside included).
      i++;
      if (pattern[i] === '^') i++;
      if (pattern[i] === ']') i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      lastAtom = true;
      lastGroupRisky = false;
      continue;
    }
    if (ch === '(') {
      stack.push({ risky: false });
      if (pattern[i + 1] === '?') {
        // (?:  (?=  (?!  (?<=  (?<!  (?<name>
        i += pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!' ? pattern.indexOf('>', i) - i : pattern[i + 2] === '<' ? 3 : 2;
      }
      lastAtom = false;
      continue;
    }
    if (ch === ')') {
      const group = stack.pop();
      lastAtom = true;
      lastGroupRisky = group?.risky ?? false;
      continue;
    }
    if (ch === '|') {
      markRisky();
      lastAtom = false;
      continue;
    }
    const quantifier = ch === '*' || ch === '+' || ch === '?' || ch === '{';
    if (quantifier && lastAtom) {
      let repeats = ch !== '?';
      let exact = false;
      if (ch === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!m) {
          lastAtom = true;
          continue; // a literal "{"
        }
        repeats = m[2] !== undefined && (m[3] === '' || Number(m[3]) > 1) ? true : Number(m[1]) > 1;
        exact = m[2] === undefined;
        i += m[0].length - 1;
      }
      if (pattern[i + 1] === '?') i++; // lazy
      if (repeats && lastGroupRisky) return 'repeats a group that itself repeats or has alternatives (nested quantifiers can take exponential time)';
      // Inside a group, any quantifier but an exact count makes the group ambiguous when repeated:
      // `(a?a?)+` is as slow as `(a+)+`. (A few safe patterns are refused too; they can be rewritten.)
      if (!exact) markRisky();
      lastAtom = false;
      lastGroupRisky = false;
      continue;
    }
    lastAtom = true;
    lastGroupRisky = false;
  }
  return undefined;
}
