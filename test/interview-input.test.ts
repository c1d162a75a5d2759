// What people type in the interview: numbers and codes as they write them, a founding year that has
// come, answers kept or cleared on a revisit, lines folded at word boundaries, hints that run.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLine, commandName } from '../src/app/command.js';
import { normaliseProfile, parseNumber, profileProblem, runInterview, type InterviewState } from '../src/app/interview/flow.js';
import { wrapText } from '../src/app/interview/inquirer.js';
import type { Answers } from '../src/engine/answers/load.js';
import { translator } from '../src/i18n/ui.js';
import { loadPack, loadUiStrings } from '../src/io/load.js';
import { PACK_DIR, ROOT } from './helpers/cli.js';
import { enter, pick, ScriptedPrompter, type, type Act } from './helpers/prompter.js';
import { KEY, Terminal } from './helpers/pty.js';
import { tempDir } from './helpers/cli.js';

const pack = loadPack(PACK_DIR);
const en = translator('en', loadUiStrings());
const profileQ = (id: string) => pack.profile.get(id)!;

describe('typed profile answers', () => {
  it('accepts FTE with a decimal comma', () => {
    expect(parseNumber('5,5')).toBe(5.5);
    expect(profileProblem(profileQ('employees'), '5,5', en)).toBeUndefined();
  });

  it.each([
    ['10,71', '10.71'],
    ['1071', '10.71'],
    ['10 71', '10.71'],
    ['10.71', '10.71'],
    ['47', '47'],
    ['47111', '47.111'],
  ])('normalises the NACE code %s to %s', (typed, stored) => {
    expect(normaliseProfile(profileQ('nace'), typed)).toBe(stored);
    expect(profileProblem(profileQ('nace'), normaliseProfile(profileQ('nace'), typed), en)).toBeUndefined();
  });

  it('refuses a founding year that has not come yet', () => {
    const today = new Date(2026, 11, 1);
    expect(profileProblem(profileQ('founded'), '2027', en, today)).toBe(en('interview.error.future_year', { year: 2026 }));
    expect(profileProblem(profileQ('founded'), '2026', en, today)).toBeUndefined();
  });
});

describe('revisiting a typed answer', () => {
  const fixture = loadPack(join(ROOT, 'test/fixtures/interview-pack'));
  const state = (): InterviewState => {
    const answers: Answers = {
      questionnaire: { id: 'flow-test', version: '1.0.0' },
      language: 'en',
      company: { name: 'Acme', region: 'BE-BRU', employees: 12, nace: '10.71' },
      answers: {},
      notes: {},
      assessedOn: '2026-03-02',
    };
    return { answers, skipped: new Set(), languageChosen: true };
  };
  const play = async (script: Act[], s: InterviewState) => {
    const prompter = new ScriptedPrompter(script);
    const final = await runInterview({ pack: fixture, state: s, prompter, advisor: false, translate: (l) => translator(l, loadUiStrings()), save: () => undefined });
    return { prompter, final };
  };

  it('says Enter keeps it, and an optional answer can be cleared with "-"', async () => {
    // Back from the first question to the NACE code, clear it, then go on.
    const { prompter, final } = await play([pick(en('interview.back')), type('-'), pick('No'), { tick: ['Email'] }, pick('No')], state());
    const nace = prompter.prompts.find((p) => p.config.message === 'NACE')!;
    expect(nace.context?.hint).toContain(en('interview.hint.enter_keeps', { value: '10.71' }));
    expect(nace.context?.hint).toContain(en('interview.hint.clear', { keyword: '-' }));
    expect(final.answers.company.nace).toBeUndefined();
    expect(final.skipped.has('nace')).toBe(true);
  });

  it('keeps the answer on Enter', async () => {
    const s = state();
    const { final } = await play([pick(en('interview.back')), enter, pick('No'), { tick: ['Email'] }, pick('No')], s);
    expect(final.answers.company.nace).toBe('10.71');
  });
});

describe('wrapping', () => {
  it('folds at spaces only, so a French no-break space keeps "?" with its word', () => {
    const text = 'Avez-vous des règles sur les données de l\u2019entreprise qu\u2019on peut mettre dans un outil d\u2019IA\u202f?';
    const lines = wrapText(text, 30).split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(30);
    expect(lines.at(-1)).toMatch(/IA\u202f\?$/);
    expect(lines.join(' ')).toBe(text);
  });
});

describe('commands in hints', () => {
  it('print npx digiscan when run through npx, quoted so they run', () => {
    expect(commandName({ npm_command: 'exec' })).toBe('npx digiscan');
    expect(commandName({})).toBe('digiscan');
    expect(commandLine(['assess', '--resume', "reports/l'atelier.answers.yaml", '--advisor'], {})).toBe(
      "digiscan assess --resume 'reports/l'\\''atelier.answers.yaml' --advisor",
    );
  });

  it('Ctrl-C in advisor mode says how to continue, with --advisor and npx', { timeout: 60_000 }, async () => {
    const tmp = tempDir();
    const term = new Terminal(['--advisor'], { cwd: tmp.dir, env: { npm_command: 'exec' } });
    try {
      await term.waitFor(/Language/);
      term.press(KEY.enter);
      await term.waitFor(/Company name/);
      term.press(`Acme${KEY.enter}`);
      // The next prompt on screen (after the save message), so Ctrl-C reaches a prompt, not the gap between two.
      await term.waitFor(/Answers are saved as you go in[^\n]*\n[\s\S]*\n\? \S/);
      term.press(KEY.ctrlC);
      expect(await term.exited).toMatchObject({ exitCode: 130 });
      expect(term.all).toMatch(/To continue: npx digiscan assess --resume reports\/acme-\d{4}-\d{2}-\d{2}\.answers\.yaml --advisor/);
    } finally {
      term.pty.kill('SIGKILL');
      tmp.cleanup();
    }
  });
});
