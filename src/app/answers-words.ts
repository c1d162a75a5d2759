// Problems of an answers file in the user's language, worded like the batch's: the question as the
// questionnaire asks it (and its id, which is what the file holds), the value found, what is
// accepted, the closest id when one is near. The engine gives the records; the words are here.
import { ValidationError, type Problem, type ProblemRecord } from '../core/errors.js';
import type { Pack } from '../engine/pack/load.js';
import { editDistance, type RowIssue } from './batch/mapping.js';
import { orList, quote, rowIssueText, type Words } from './batch/words.js';

/** `err` with every problem that carries a record worded in `words`; anything else unchanged. */
export function wordAnswersError(err: unknown, pack: Pack, words: Words): unknown {
  if (!(err instanceof ValidationError) || !err.problems.some((p) => p.record)) return err;
  return new ValidationError(err.problems.map((p) => (p.record ? { ...p, message: wordRecord(p.record, pack, words), hint: undefined } : p)));
}

export function wordRecord(record: ProblemRecord, pack: Pack, w: Words): string {
  const r = record as Record<string, unknown> & { code: string };
  const id = String(r.id ?? '');
  const column = id ? columnTitle(pack, id, w) : '';
  const value = String(r.value ?? '');
  const issue = (i: RowIssue) => rowIssueText(w, i, { consequence: false });
  switch (r.code) {
    case 'not_an_answer': {
      const options = (r.options as string[]) ?? [];
      const labels = new Map(options.map((o) => [o, optionLabel(pack, id, o, w)]));
      const accepted = options.map((o) => `${o} = ${labels.get(o)}`);
      return issue({ code: 'not_an_answer', column, value, accepted, suggestions: r.near ? [String(r.near)] : nearest(value, options, labels) });
    }
    case 'not_a_number':
    case 'whole_number':
    case 'bad_text':
      return issue(r.code === 'bad_text' ? { code: 'bad_text', column, value, help: (pack.profile.get(id)?.help[w.lang] ?? '').replace(/\.$/, '') } : { code: r.code, column, value });
    case 'too_long':
      return issue({ code: 'too_long', column, value, max: Number(r.max) });
    case 'out_of_range':
      return issue({ code: 'out_of_range', column, value, min: r.min as number | undefined, max: r.max as number | undefined });
    case 'exclusive':
      return issue({ code: 'exclusive', column, value, option: `${r.option} = ${optionLabel(pack, id, String(r.option), w)}` });
    case 'empty':
      return w.t('answers.issue.missing', { column: quote(w, column) });
    case 'enterprise_number':
      return w.t('answers.issue.enterprise_number', { column: quote(w, column), value: quote(w, value), problem: String(r.problem), country: String(r.country ?? '') });
    case 'quoted_text':
      return w.t('answers.issue.quoted_text', { column: quote(w, column), value: quote(w, value) });
    case 'one_option':
      return w.t('answers.issue.one_option', { column: quote(w, column) });
    case 'unknown_field':
    case 'unknown_question':
    case 'notes_key': {
      const key = String(r.key);
      const known = r.code === 'unknown_question' ? [...pack.questions.keys()] : ((r.known as string[]) ?? []);
      const near = nearest(key, known, new Map());
      const text = w.t(`answers.issue.${r.code}`, { key: quote(w, key), known: known.map((k) => quote(w, k)).join(', ') });
      return near.length ? `${text} ${w.t('batch.issue.did_you_mean', { label: orList(w, near) })}` : text;
    }
    default:
      return r.code;
  }
}

function columnTitle(pack: Pack, id: string, w: Words): string {
  const text = pack.profile.get(id)?.label[w.lang] ?? pack.questions.get(id)?.question.text[w.lang];
  return text ? `${text} (${id})` : id;
}

function optionLabel(pack: Pack, id: string, option: string, w: Words): string {
  const options = pack.profile.get(id)?.options ?? pack.questions.get(id)?.question.options ?? [];
  return options.find((o) => o.id === option)?.label[w.lang] ?? option;
}

/** Ids closest to what was written (by id or by label). */
function nearest(typed: string, ids: string[], labels: Map<string, string>): string[] {
  const target = typed.toLowerCase();
  let best = Infinity;
  let found: string[] = [];
  for (const id of ids) {
    const candidates = [id.toLowerCase(), (labels.get(id) ?? '').toLowerCase()].filter(Boolean);
    for (const c of candidates) {
      const d = target.length >= 3 && c.includes(target) ? 1 : editDistance(target, c, Math.max(2, Math.floor(c.length / 3)));
      if (d === undefined) continue;
      if (d < best) {
        best = d;
        found = [id];
      } else if (d === best && !found.includes(id)) found.push(id);
    }
  }
  return found.slice(0, 2);
}

export type { Problem };
