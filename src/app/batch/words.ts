// The batch's findings in the consultant's words and language: the column as the form titles it, the
// value found, what is accepted (labels, not ids or patterns) and the closest label when one is near.
import type { Lang } from '../../core/lang.js';
import type { Translate } from '../../i18n/ui.js';
import type { HeaderIssue, RowIssue } from './mapping.js';

export interface Words {
  t: Translate;
  lang: Lang;
}

export function quote({ t }: Words, text: string): string {
  return t('batch.quote', { text });
}

/** "« a », « b » ou « c »" */
export function orList(w: Words, items: string[]): string {
  const quoted = items.map((i) => quote(w, i));
  return new Intl.ListFormat(w.lang, { type: 'disjunction' }).format(quoted);
}

/** One finding; `consequence: false` leaves out what the batch does about it (for answers files, refused whole). */
export function rowIssueText(w: Words, issue: RowIssue, options: { consequence?: boolean } = {}): string {
  const { t } = w;
  if (issue.code === 'branch') {
    const condition = issue.bound
      ? `${quote(w, issue.control)} ${issue.bound}`
      : t('template.condition_is', { question: quote(w, issue.control), answers: orList(w, issue.expected) });
    return t('batch.issue.branch', { count: issue.columns.length, columns: issue.columns.map((c) => quote(w, c)).join(', '), condition, given: quote(w, issue.given) });
  }
  const column = quote(w, issue.column);
  let text: string;
  let after: 'unanswered' | 'date' | 'none' = 'unanswered';
  switch (issue.code) {
    case 'not_an_answer':
      text = t('batch.issue.not_an_answer', { column, value: quote(w, issue.part ?? issue.value), accepted: orList(w, issue.accepted) });
      if (issue.suggestions.length) text += ' ' + t('batch.issue.did_you_mean', { label: orList(w, issue.suggestions) });
      break;
    case 'not_a_number':
      text = t('batch.issue.not_a_number', { column, value: quote(w, issue.value) });
      break;
    case 'whole_number':
      text = t('batch.issue.whole_number', { column, value: quote(w, issue.value) });
      break;
    case 'out_of_range':
      text = t('batch.issue.out_of_range', { column, value: quote(w, issue.value), min: issue.min ?? '', max: issue.max ?? '' });
      break;
    case 'bad_text':
      text = t('batch.issue.bad_text', { column, value: quote(w, issue.value), help: issue.help });
      break;
    case 'exclusive':
      text = t('batch.issue.exclusive', { column, value: quote(w, issue.value), option: quote(w, issue.option) });
      break;
    case 'empty':
      text = t('batch.issue.empty', { column });
      break;
    case 'no_column':
      text = t('batch.issue.no_column', { column });
      break;
    case 'date_ambiguous':
      text = t('batch.issue.date_ambiguous', { column, value: quote(w, issue.value), first: issue.first, second: issue.second });
      after = 'date';
      break;
    case 'date_unreadable':
      text = t('batch.issue.date_unreadable', { column, value: quote(w, issue.value) });
      after = 'date';
      break;
    case 'too_long':
      text = t('batch.issue.too_long', { column, value: quote(w, issue.value), max: issue.max });
      break;
  }
  if (issue.fatal || options.consequence === false) after = 'none';
  if (after !== 'none') text += t(`batch.after.${after}`);
  return text;
}

/** Why a form row was not scored, with what was wrong with it. */
export function failedText(w: Words, issues: RowIssue[]): string {
  const fatal = issues.filter((i) => i.fatal).map((i) => rowIssueText(w, i));
  return t2(w, 'batch.not_scored', { reasons: fatal.join(' · ') });
}

function t2(w: Words, key: string, vars: Record<string, string>): string {
  return w.t(key, vars);
}

export function headerIssueText(w: Words, file: string, issue: HeaderIssue): string {
  switch (issue.code) {
    case 'no_column':
      return w.t('batch.header.no_column', { file, column: quote(w, issue.label) });
    case 'column_twice':
      return w.t('batch.header.column_twice', { file, first: quote(w, issue.first), second: quote(w, issue.second) });
    case 'columns_ignored':
      return w.t('batch.header.columns_ignored', { file, headers: issue.headers.map((h) => quote(w, h)).join(', ') });
  }
}

/** "form.csv, row 3 (Alpha SRL)" */
export function whereText(w: Words, file: string, line: number | undefined, name: string | undefined): string {
  const at = line === undefined ? file : w.t('batch.at_row', { file, line });
  return name ? `${at} (${name})` : at;
}
