// `digiscan template`: a blank answers file, or the question list to build an online form from.
// Both come from the pack, in one language; the form's export maps back to the pack by those same
// texts (see mapping.ts), so the two cannot drift apart.
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { stringify as stringifyYaml } from 'yaml';
import type { Lang } from '../../core/lang.js';
import type { Translate } from '../../i18n/ui.js';
import type { Pack } from '../../engine/pack/load.js';
import type { Condition } from '../../engine/pack/schema.js';
import { CSV_BOM } from '../../reports/csv.js';
import { safeRow } from '../../reports/cells.js';
import { profileConditionText } from './mapping.js';

export const FORM_COLUMNS = ['column', 'id', 'type', 'required', 'answers', 'section', 'condition', 'condition_ids', 'help'] as const;

/** A blank answers YAML: every id with null, and comments giving the question and its options. */
export function answersTemplate(pack: Pack, lang: Lang, t: Translate): string {
  const def = pack.definition;
  const comment = (text: string) => [`# ${text.replace(/\s*\n\s*/g, ' ')}`.trimEnd()];
  const lines: string[] = [
    ...comment(t('template.yaml_title', { title: def.title[lang], id: def.id, version: def.version })),
    ...comment(t('template.yaml_fill')),
    `questionnaire: ${flow({ id: def.id, version: def.version })}`,
    `language: ${lang}`,
    `# assessedOn: 2026-03-31   ${t('template.assessed_on')}`,
    'company:',
  ];
  for (const q of def.profile) {
    const notes: string[] = [];
    if (!q.required) notes.push(t('template.optional'));
    if (q.type === 'number') notes.push(t('template.number', { min: q.min ?? '', max: q.max ?? '' }));
    if (q.pattern) notes.push(t('template.pattern', { pattern: q.pattern }));
    lines.push(...indent(comment(`${q.label[lang]}${notes.length ? ` (${notes.join('; ')})` : ''} — ${q.help[lang]}`)));
    if (q.options) lines.push(...indent(comment(`${t('template.one_of')} ${q.options.map((o) => `${scalar(o.id)} = ${o.label[lang]}`).join(' | ')}`)));
    lines.push(`  ${q.id}: null`);
  }
  lines.push('answers:');
  for (const dimension of def.dimensions) {
    lines.push(...indent(comment(`── ${dimension.title[lang]} ──`)));
    for (const q of dimension.questions) {
      lines.push(...indent(comment(q.text[lang])));
      if (q.when) lines.push(...indent(comment(t('template.when', { condition: conditionText(q.when) }))));
      const choices = q.options.map((o) => `${scalar(o.id)} = ${o.label[lang]}`).join(' | ');
      lines.push(...indent(comment(`${t(q.type === 'multi' ? 'template.any_of' : 'template.one_of')} ${choices}`)));
      lines.push(`  ${q.id}: null`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * The question list for an online form: header to give each question, its type and its answers, the
 * section it belongs to, and when it is asked ("Only if …", in the form's words and as ids), so a
 * Google or Microsoft form can branch the same way.
 */
export function formTemplate(pack: Pack, lang: Lang, t: Translate): string {
  const rows: string[][] = [];
  const profileSection = t('template.section_profile');
  for (const q of pack.definition.profile) {
    const answers = q.options?.map((o) => o.label[lang]) ?? (q.type === 'number' ? [`${q.min ?? ''}–${q.max ?? ''}`] : []);
    rows.push([q.label[lang], q.id, q.type, q.required ? 'yes' : 'no', answers.join(' | '), profileSection, '', '', q.help[lang]]);
  }
  for (const { question: q, dimension } of pack.questions.values()) {
    const condition = q.when ? t('template.when', { condition: conditionWords(pack, q.when, lang, t) }) : '';
    rows.push([q.text[lang], q.id, q.type, 'no', q.options.map((o) => o.label[lang]).join(' | '), dimension.title[lang], condition, q.when ? conditionText(q.when) : '', q.help[lang]]);
  }
  return CSV_BOM + stringifyCsv(rows.map(safeRow), { header: true, columns: [...FORM_COLUMNS] });
}

/** A condition as the form words it: « Do you have a website? » = « Yes ». */
function conditionWords(pack: Pack, when: Condition, lang: Lang, t: Translate): string {
  const quote = (text: string) => t('batch.quote', { text });
  if ('question' in when) {
    const control = pack.questions.get(when.question)!.question;
    const labels = when.anyOf.map((id) => quote(control.options.find((o) => o.id === id)?.label[lang] ?? id));
    return t('template.condition_is', { question: quote(control.text[lang]), answers: new Intl.ListFormat(lang, { type: 'disjunction' }).format(labels) });
  }
  const profile = pack.profile.get(when.profile)!;
  return profileConditionText(when, quote(profile.label[lang]), (id) => quote(profile.options?.find((o) => o.id === id)?.label[lang] ?? id));
}

function conditionText(when: Condition): string {
  if ('question' in when) return `${when.question} = ${when.anyOf.join(' | ')}`;
  const parts: string[] = [];
  if (when.atLeast !== undefined) parts.push(`${when.profile} ≥ ${when.atLeast}`);
  if (when.atMost !== undefined) parts.push(`${when.profile} ≤ ${when.atMost}`);
  if (when.anyOf) parts.push(`${when.profile} = ${when.anyOf.join(' | ')}`);
  return parts.join(', ');
}

/** An option id as YAML would need it written (e.g. a purely numeric id must be quoted). */
function scalar(value: string): string {
  return stringifyYaml(value).trimEnd();
}

function flow(value: Record<string, string>): string {
  return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${scalar(v)}`).join(', ')} }`;
}

function indent(lines: string[]): string[] {
  return lines.map((l) => `  ${l}`);
}
