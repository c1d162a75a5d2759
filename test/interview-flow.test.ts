import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Answers } from '../src/engine/answers/load.js';
import { parseAnswers } from '../src/engine/answers/load.js';
import { serializeAnswers } from '../src/io/answers-write.js';
import type { Lang } from '../src/core/lang.js';
import { translator } from '../src/i18n/ui.js';
import { runInterview, type InterviewState } from '../src/app/interview/flow.js';
import { ROOT } from './helpers/cli.js';
import { enter, pick, ScriptedPrompter, tick, type, type Act } from './helpers/prompter.js';
import { loadPack, loadUiStrings } from '../src/io/load.js';

const pack = loadPack(join(ROOT, 'test/fixtures/interview-pack'));
const en = translator('en', loadUiStrings());
const nl = translator('nl', loadUiStrings());
const BACK = en('interview.back');

function fresh(lang: Lang = 'en', languageChosen = false): InterviewState {
  const answers: Answers = {
    questionnaire: { id: 'flow-test', version: '1.0.0' },
    language: lang,
    company: {},
    answers: {},
    notes: {},
    assessedOn: '2026-03-02',
  };
  return { answers, skipped: new Set(), languageChosen };
}

/** Runs the interview on a script; returns what was asked, the saved snapshots and the final state. */
async function play(script: Act[], state = fresh(), advisor = false) {
  const prompter = new ScriptedPrompter(script);
  const saved: string[] = [];
  let clock = Date.UTC(2026, 2, 2, 9, 0, 0);
  const final = await runInterview({
    pack,
    state,
    prompter,
    advisor,
    translate: (l) => translator(l, loadUiStrings()),
    save: (s) => {
      saved.push(serializeAnswers(s.answers, pack, { skipped: s.skipped, schema: 'x' }));
    },
    now: () => new Date((clock += 1000)),
  });
  expect(prompter.remaining).toBe(0);
  const messages = prompter.prompts.map((p) => p.config.message);
  return { prompter, saved, final, messages };
}

const profile: Act[] = [type('Acme'), pick('Brussels'), type('12'), enter];

describe('interview flow', () => {
  it('asks language, profile and visible questions, in the chosen language, saving after every answer', async () => {
    const { final, saved, prompter, messages } = await play([
      pick('Nederlands'),
      type('Bakkerij Peeters'),
      pick('Vlaanderen'),
      type('4'),
      type('47.11'),
      pick('Nee'), // has_site: no, so site_mobile is never asked
      tick('E-mail', 'Cloud'),
      pick('Weet ik niet'),
    ]);
    expect(messages).toEqual([en('interview.language'), 'Naam', 'Gewest', 'Werknemers', 'NACE', 'Een site?', 'Welke tools?', 'Back-up?']);
    expect(final.answers.language).toBe('nl');
    expect(final.answers.company).toEqual({ name: 'Bakkerij Peeters', region: 'BE-VLG', employees: 4, nace: '47.11' });
    expect(final.answers.answers).toEqual({ has_site: 'no', tools_used: ['mail', 'cloud'], tools_backup: 'dont-know' });
    expect(final.answers.completedAt).toBeDefined();
    expect(final.answers.createdAt! < final.answers.updatedAt!).toBe(true);
    // One save per answer, plus the completion; each save holds every answer given so far.
    expect(saved).toHaveLength(9);
    const keysSaved = saved.map((text) => Object.keys(parse(text).answers ?? {}).length + Object.keys(parse(text).company ?? {}).length);
    expect(keysSaved).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 7]);
    expect(parse(saved.at(-2)!).completedAt).toBeUndefined();
    expect(parseAnswers(saved.at(-1)!, 'x.yaml', pack)).toEqual(final.answers);
    // Where you are and the one-line help are shown with every question.
    const tools = prompter.prompts.find((p) => p.config.message === 'Welke tools?')!;
    // Beside the area's count, the count over the whole interview (profile included).
    expect(tools.context?.position).toBe(
      `${nl('interview.position.question', { dimension: 'Tools', k: 2, n: 2, i: 1, m: 2 })} · ${nl('interview.position.overall', { i: 6, m: 7 })}`,
    );
    expect(tools.context?.help).toBe('Hulp tools');
    // "Mobiel?" may still follow "Een site?", so it counts in m even though "Nee" then hides it.
    const site = prompter.prompts.find((p) => p.config.message === 'Een site?')!;
    expect(site.context?.position).toBe(
      `${nl('interview.position.question', { dimension: 'Web', k: 1, n: 2, i: 1, m: 2 })} · ${nl('interview.position.overall', { i: 5, m: 8 })}`,
    );
    expect(tools.kind === 'checkbox' && tools.config.keys).toBe(nl('interview.keys.checkbox'));
  });

  it('shows a question as soon as its condition holds and counts it in "question i of m"', async () => {
    const { prompter, final } = await play([enter, ...profile, pick('Yes'), pick('Yes'), tick('None'), pick('No')]);
    const mobile = prompter.prompts.find((p) => p.config.message === 'Mobile?')!;
    expect(mobile.context?.position).toBe(
      `${en('interview.position.question', { dimension: 'Web', k: 1, n: 2, i: 2, m: 2 })} · ${en('interview.position.overall', { i: 6, m: 8 })}`,
    );
    expect(final.answers.answers).toMatchObject({ has_site: 'yes', site_mobile: 'yes', tools_used: ['none'] });
  });

  it('goes back to change an answer, which hides the question that depended on it', async () => {
    const { messages, final, prompter } = await play([
      enter,
      ...profile,
      pick('Yes'),
      pick(BACK), // at "Mobile?": back to "A site?"
      pick('No'),
      tick(BACK), // at "Which tools?": back again
      enter, // "A site?" offers the answer given before
      tick('Email'),
      pick('Yes'),
    ]);
    expect(messages.slice(5)).toEqual(['A site?', 'Mobile?', 'A site?', 'Which tools?', 'A site?', 'Which tools?', 'Backup?']);
    const secondVisit = prompter.prompts.filter((p) => p.config.message === 'A site?')[2]!;
    expect(secondVisit.kind === 'select' && secondVisit.config.default).toBe('no');
    expect(final.answers.answers).toEqual({ has_site: 'no', tools_used: ['mail'], tools_backup: 'yes' });
  });

  it('goes back from a text answer with the documented keyword and keeps the earlier answer as default', async () => {
    const { messages, final, prompter } = await play([enter, type('Acme'), pick('Brussels'), type('<'), pick(BACK), type('<'), pick('Français'), enter, pick('Flandre'), type('3'), enter, pick('Non'), tick('Aucun'), pick('Oui')]);
    expect(messages.slice(0, 8)).toEqual([en('interview.language'), 'Name', 'Region', 'Employees', 'Region', 'Name', en('interview.language'), 'Nom']);
    const nameAgain = prompter.prompts.find((p) => p.config.message === 'Nom')!;
    expect(nameAgain.kind === 'input' && nameAgain.config.default).toBe('Acme');
    expect(final.answers.language).toBe('fr');
    expect(final.answers.company).toEqual({ name: 'Acme', region: 'BE-VLG', employees: 3 });
  });

  it('refuses invalid typed and ticked answers with a translated message, then accepts a valid one', async () => {
    const { prompter, final } = await play([
      enter,
      type(''), // the name is required
      type('Acme'),
      pick('Brussels'),
      type('many'),
      type('2.5'),
      type('900'),
      type('1 2'),
      type('xx'), // NACE pattern
      type('62.01'),
      pick('No'),
      tick('Email', 'None'),
      tick(),
      tick('None'),
      pick('No'),
    ]);
    expect(prompter.errors).toEqual([
      en('interview.error.required'),
      en('interview.error.number'),
      en('interview.error.integer'),
      en('interview.error.range', { min: 0, max: 500 }),
      en('interview.error.pattern'),
      en('interview.error.alone', { option: 'None' }),
      en('interview.error.tick'),
    ]);
    expect(final.answers.company).toEqual({ name: 'Acme', region: 'BE-BRU', employees: 12, nace: '62.01' });
    expect(final.answers.answers.tools_used).toEqual(['none']);
  });

  it('offers a skip where the pack has no "don\'t know", leaving the question unanswered but recorded as seen', async () => {
    const { final, saved, prompter } = await play([enter, ...profile, pick('Yes'), pick(en('interview.skip')), tick('Email'), pick('No')]);
    const site = prompter.prompts.find((p) => p.config.message === 'A site?')!;
    expect(site.kind === 'select' && site.config.choices.map((c) => c.name)).toEqual(['Yes', 'No', "Don't know", BACK]);
    expect(final.answers.answers.site_mobile).toBeUndefined();
    expect(final.skipped.has('site_mobile')).toBe(true);
    expect(final.skipped.has('nace')).toBe(true);
    expect(parse(saved.at(-1)!).answers).toHaveProperty('site_mobile', null);
    expect(parse(saved.at(-1)!).company).toHaveProperty('nace', null);
  });

  it('resumes at the first unanswered question, and back still reaches the earlier ones', async () => {
    const state = fresh('en', true);
    Object.assign(state.answers.company, { name: 'Acme', region: 'BE-BRU', employees: 3 });
    state.skipped.add('nace');
    state.answers.answers.has_site = 'yes';
    state.answers.createdAt = '2026-03-01T08:00:00.000Z';
    const { messages, final } = await play([pick(BACK), enter, pick('No'), tick('Cloud'), pick('Yes')], state);
    expect(messages).toEqual(['Mobile?', 'A site?', 'Mobile?', 'Which tools?', 'Backup?']);
    expect(final.answers.createdAt).toBe('2026-03-01T08:00:00.000Z');
    expect(final.answers.answers).toEqual({ has_site: 'yes', site_mobile: 'no', tools_used: ['cloud'], tools_backup: 'yes' });
  });

  it('in advisor mode asks a note on the profile, after each area and at the end; an empty note is kept as seen', async () => {
    const { messages, final, prompter } = await play(
      [enter, ...profile, type('Family firm'), pick('No'), type('Site planned in spring'), tick('Email'), pick('Yes'), enter, type('Call back in May\\nbring the invoices')],
      fresh(),
      true,
    );
    expect(messages.slice(5)).toEqual([
      en('interview.note.profile'),
      'A site?',
      en('interview.note', { dimension: 'Web' }),
      'Which tools?',
      'Backup?',
      en('interview.note', { dimension: 'Tools' }),
      en('interview.note.general'),
    ]);
    // "\n" typed in a note is a line break.
    expect(final.answers.notes).toEqual({ profile: 'Family firm', web: 'Site planned in spring', tools: '', general: 'Call back in May\nbring the invoices' });
    const note = prompter.prompts.find((p) => p.config.message === en('interview.note', { dimension: 'Web' }))!;
    expect(note.context?.position).toBe(en('interview.position.note', { dimension: 'Web', k: 1, n: 2 }));
  });

  it('resuming in advisor mode does not go back to notes of areas already passed', async () => {
    const state = fresh('en', true);
    Object.assign(state.answers.company, { name: 'Acme', region: 'BE-BRU', employees: 3, nace: '10.71' });
    Object.assign(state.answers.answers, { has_site: 'no', tools_used: ['mail'] });
    const { messages } = await play([pick('Yes'), type('ok'), enter], state, true);
    expect(messages).toEqual(['Backup?', en('interview.note', { dimension: 'Tools' }), en('interview.note.general')]);
  });

  it('a finished file has nothing left to ask', async () => {
    const state = fresh('en', true);
    Object.assign(state.answers.company, { name: 'Acme', region: 'BE-BRU', employees: 3, nace: '10.71' });
    Object.assign(state.answers.answers, { has_site: 'no', tools_used: ['mail'], tools_backup: 'no' });
    const { messages, final } = await play([], state);
    expect(messages).toEqual([]);
    expect(final.answers.completedAt).toBeDefined();
  });
});
