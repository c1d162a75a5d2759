// The real prompts (@inquirer/prompts through src/interview/inquirer.ts) driven by key presses on
// @inquirer/testing's virtual screen: what the person sees and which keys do what.
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { describe, expect, it, vi } from 'vitest';
import type { Answers } from '../src/engine/answers/load.js';
import { translator } from '../src/i18n/ui.js';
import { runInterview, type InterviewState } from '../src/app/interview/flow.js';
import { terminalPrompter } from '../src/app/interview/inquirer.js';
import { ROOT } from './helpers/cli.js';
import { loadPack, loadUiStrings } from '../src/io/load.js';

vi.mock('@inquirer/prompts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@inquirer/prompts')>();
  return { ...actual, select: wrapPrompt(actual.select), checkbox: wrapPrompt(actual.checkbox), input: wrapPrompt(actual.input) };
});

const pack = loadPack(join(ROOT, 'test/fixtures/interview-pack'));
const en = translator('en', loadUiStrings());

function start(state: InterviewState) {
  let printed = '';
  const output = new Writable({
    write(chunk, _enc, done) {
      printed += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  const done = runInterview({
    pack,
    state,
    prompter: terminalPrompter({ color: false, output }),
    advisor: false,
    translate: (l) => translator(l, loadUiStrings()),
    save: () => {},
  });
  return { done, printed: () => printed };
}

function resumed(answers: Partial<Answers>): InterviewState {
  return {
    answers: {
      questionnaire: { id: 'flow-test', version: '1.0.0' },
      language: 'en',
      company: { name: 'Acme', region: 'BE-BRU', employees: 3, nace: '62.01' },
      answers: {},
      notes: {},
      ...answers,
    },
    skipped: new Set(),
    languageChosen: true,
  };
}

describe('interview prompts on a terminal', () => {
  it('shows translated key help, refuses an exclusive option ticked with another, accepts it alone', async () => {
    const { done, printed } = start(resumed({ answers: { has_site: 'no' } }));
    expect(screen.getScreen()).toContain('Which tools?');
    expect(screen.getScreen()).toContain(en('interview.keys.checkbox'));
    expect(printed()).toContain(en('interview.position.question', { dimension: 'Tools', k: 2, n: 2, i: 1, m: 2 }));
    expect(printed()).toContain('Tools help');
    screen.keypress('space'); // Email
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('space'); // None
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain(en('interview.error.alone', { option: 'None' }));
    screen.keypress('up');
    screen.keypress('up');
    screen.keypress('space'); // untick Email
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Backup?');
    screen.keypress('enter');
    const final = await done;
    expect(final.answers.answers).toEqual({ has_site: 'no', tools_used: ['none'], tools_backup: 'yes' });
  });

  it('goes back with the last choice (up from the first wraps to it) and shows the earlier answer selected', async () => {
    const { done } = start(resumed({ answers: { has_site: 'yes' } }));
    expect(screen.getScreen()).toContain('Mobile?');
    expect(screen.getScreen()).toContain(en('interview.skip'));
    screen.keypress('up'); // wraps to "← Previous question"
    expect(screen.getScreen()).toMatch(new RegExp(`❯ ${en('interview.back')}`));
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('A site?');
    expect(screen.getScreen()).toMatch(/❯ Yes/);
    screen.keypress('down'); // No: "Mobile?" is no longer asked
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Which tools?');
    screen.keypress('space');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    const final = await done;
    expect(final.answers.answers).toEqual({ has_site: 'no', tools_used: ['mail'], tools_backup: 'yes' });
  });

  it('validates a typed number and goes back with "<"', async () => {
    const state = resumed({ company: { name: 'Acme', region: 'BE-BRU' } });
    const { done } = start(state);
    expect(screen.getScreen()).toContain('Employees');
    screen.type('2.5');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain(en('interview.error.integer'));
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.type('<');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Region');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    screen.type('7');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('NACE');
    screen.keypress('enter'); // optional: skip
    await screen.next();
    expect(screen.getScreen()).toContain('A site?');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('space');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    const final = await done;
    expect(final.answers.company).toEqual({ name: 'Acme', region: 'BE-VLG', employees: 7 });
    expect(final.skipped.has('nace')).toBe(true);
  });
});
