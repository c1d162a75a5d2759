// End-to-end: the BUILT command in a pseudo-terminal, answering whatever the built-in pack asks
// (the questions are read from the pack, not hard-coded), including a kill -9 and a resume.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Question } from '../src/engine/pack/schema.js';
import { visibleQuestions } from '../src/engine/scoring/index.js';
import { PACK_DIR, runCli, tempDir } from './helpers/cli.js';
import { KEY, Terminal } from './helpers/pty.js';
import { loadAnswers, loadPack } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const def = pack.definition;
const questionByText = new Map<string, Question>(def.dimensions.flatMap((d) => d.questions.map((q) => [q.text.en, q] as const)));
const profileByLabel = new Map(def.profile.map((p) => [p.label.en, p]));

const PROMPT = /(⏎ choose)|(⏎ confirm)|(to go back to the previous question\)\n\? [^\n]*\S)|(Written: [^\n]*\.json\n)/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Screen {
  kind: 'select' | 'checkbox' | 'input' | 'end';
  message: string;
  text: string;
}

/** Waits for the next prompt (or the end) and tells what it is. */
async function nextScreen(term: Terminal): Promise<Screen> {
  const m = await term.waitFor(PROMPT);
  const text = term.fresh;
  if (m[4]) return { kind: 'end', message: '', text };
  const message = /^\? (.+?)\s*$/m.exec(text)?.[1] ?? '';
  return { kind: m[1] ? 'select' : m[2] ? 'checkbox' : 'input', message, text };
}

type Choose = (q: Question) => number;
const first: Choose = () => 0;
/** The option worth most points: answers "yes" to the gate questions, so conditional ones show up. */
const best: Choose = (q) => q.options.reduce((bi, o, i, all) => (o.points > all[bi]!.points ? i : bi), 0);

interface Given {
  company: Record<string, string | number>;
  answers: Record<string, string | string[]>;
  notes: Record<string, string>;
  asked: string[];
}

/**
 * Answers prompts until `stop` says so (returns the screen it stopped at) or the interview ends.
 * Records what was answered, to compare with the file.
 */
async function answer(term: Terminal, choose: Choose, given: Given, stop: (s: Screen) => boolean = () => false): Promise<Screen> {
  for (;;) {
    const screen = await nextScreen(term);
    if (screen.kind === 'end' || stop(screen)) return screen;
    const q = questionByText.get(screen.message);
    const p = profileByLabel.get(screen.message);
    if (q) {
      // Every question shows where we are and its one-line help.
      expect(screen.text).toMatch(/— area \d+ of \d+ · question \d+ of \d+ · \d+ of \d+ overall/);
      expect(screen.text).toContain(q.help.en);
      given.asked.push(q.id);
      if (q.type === 'single') {
        const i = choose(q);
        term.press(KEY.down.repeat(i) + KEY.enter);
        given.answers[q.id] = q.options[i]!.id;
      } else {
        term.press(KEY.space + KEY.enter);
        given.answers[q.id] = [q.options[0]!.id];
      }
    } else if (p) {
      if (p.type === 'choice') {
        term.press(KEY.enter);
        given.company[p.id] = p.options![0]!.id;
      } else if (p.type === 'number') {
        const n = Math.min(Math.max(5, p.min ?? 5), p.max ?? 5);
        term.press(`${n}${KEY.enter}`);
        given.company[p.id] = n;
      } else if (p.id === 'name') {
        term.press(`Acme Test${KEY.enter}`);
        given.company.name = 'Acme Test';
      } else {
        expect(p.required, `required text field ${p.id} needs a value in this test`).toBe(false);
        term.press(KEY.enter);
      }
    } else if (/^Advisor's note on "(.+)"/.test(screen.message)) {
      const title = /"(.+)"/.exec(screen.message)![1]!;
      const dim = def.dimensions.find((d) => d.title.en === title)!;
      term.press(`Note on ${dim.id}${KEY.enter}`);
      given.notes[dim.id] = `Note on ${dim.id}`;
    } else if (screen.message.startsWith("Advisor's note on the company profile")) {
      term.press(`Profile note${KEY.enter}`);
      given.notes.profile = 'Profile note';
    } else if (screen.message.startsWith("Advisor's general note")) {
      // A multi-line note: "\n" typed is a line break.
      term.press(`First line\\nsecond line${KEY.enter}`);
      given.notes.general = 'First line\nsecond line';
    } else if (/^Language/.test(screen.message)) {
      term.press(KEY.enter);
    } else {
      throw new Error(`unexpected prompt "${screen.message}"`);
    }
    term.after(await term.waitFor(new RegExp(`✔ ${escape(screen.message)}[^\n]*\n`)));
  }
}

const newGiven = (): Given => ({ company: {}, answers: {}, notes: {}, asked: [] });

function answersFileIn(dir: string): string {
  const files = readdirSync(join(dir, 'reports')).filter((f) => f.endsWith('.answers.yaml'));
  expect(files).toHaveLength(1);
  return join(dir, 'reports', files[0]!);
}

let terms: Terminal[] = [];
afterEach(() => {
  for (const t of terms) t.pty.kill('SIGKILL');
  terms = [];
});
function start(args: string[], cwd: string): Terminal {
  const term = new Terminal(args, { cwd });
  terms.push(term);
  return term;
}

// Each test drives tens of prompts; a loaded 2-core machine needs more than the default 30 s.
describe('the interview in a terminal (built command)', { timeout: 120_000 }, () => {
  it('answers a whole questionnaire in advisor mode, then shows the summary and writes the files', async () => {
    const tmp = tempDir();
    try {
      const term = start(['--advisor'], tmp.dir);
      const given = newGiven();
      expect(await term.waitFor(/About (\d+) questions, (\d+) to (\d+) minutes\./)).toBeTruthy();
      const end = await answer(term, best, given);
      expect(await term.exited).toMatchObject({ exitCode: 0 });
      expect(end.text).toContain('Overall index');
      // Never offers to open the PDF without a desktop (no DISPLAY here).
      expect(term.all).not.toContain('Open the PDF report now?');

      const file = answersFileIn(tmp.dir);
      expect(file).toMatch(/reports\/acme-test-\d{4}-\d{2}-\d{2}\.answers\.yaml$/);
      const saved = loadAnswers(file, pack, { requireProfile: true });
      expect(saved.company).toEqual(given.company);
      expect(saved.answers).toEqual(given.answers);
      expect(saved.notes).toEqual(given.notes);
      expect(saved.completedAt).toBeDefined();
      // Every question the answers make visible was asked, in questionnaire order.
      expect(given.asked).toEqual([...visibleQuestions(def, saved)]);

      const json = file.replace(/\.answers\.yaml$/, '.json');
      expect(end.text).toContain(`Written: reports/${json.split('/').pop()}`);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      expect(report.company.name).toBe('Acme Test');
      for (const [dim, note] of Object.entries(given.notes)) {
        if (dim === 'profile' || dim === 'general') expect(report.notes[dim]).toBe(note);
        else expect(report.dimensions.find((d: { id: string }) => d.id === dim).note).toBe(note);
      }
      expect(parse(readFileSync(file, 'utf8')).session).toMatchObject({ type: 'facilitated', advisorMode: true });
    } finally {
      tmp.cleanup();
    }
  });

  it('loses no answer when killed (SIGKILL) mid-way, and --resume continues at the question on screen', async () => {
    const tmp = tempDir();
    try {
      const total = def.dimensions.reduce((n, d) => n + d.questions.length, 0);
      const term = start([], tmp.dir);
      const given = newGiven();
      // Stop at a dimension question once about half of them are answered.
      const onScreen = await answer(term, first, given, (s) => questionByText.has(s.message) && given.asked.length >= Math.ceil(total / 2));
      expect(onScreen.kind).toBe('select');
      term.pty.kill('SIGKILL');
      await term.exited;

      const file = answersFileIn(tmp.dir);
      const before = parse(readFileSync(file, 'utf8'));
      expect(before.company).toMatchObject(given.company);
      expect(before.answers).toEqual(given.answers);
      expect(before.completedAt).toBeUndefined();
      expect(readdirSync(join(tmp.dir, 'reports')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      const resumed = start(['assess', '--resume', file.slice(tmp.dir.length + 1)], tmp.dir);
      const afterKill = newGiven();
      const firstScreen = await nextScreen(resumed);
      expect(firstScreen.message).toBe(onScreen.message);
      expect(firstScreen.text).toContain('Continuing reports/');
      await answer(resumed, first, afterKill);
      expect(await resumed.exited).toMatchObject({ exitCode: 0 });

      const final = loadAnswers(file, pack, { requireProfile: true });
      expect(final.answers).toEqual({ ...given.answers, ...afterKill.answers });
      expect(Object.keys(afterKill.answers).some((id) => id in given.answers)).toBe(false);
      expect(final.completedAt).toBeDefined();
      expect(existsSync(file.replace(/\.answers\.yaml$/, '.json'))).toBe(true);
    } finally {
      tmp.cleanup();
    }
  });

  // kill -9 at other moments: in the profile, on the first dimension question, on an advisor note, and
  // a split second after a key press (the answer on screen may or may not be saved, but nothing else moves).
  const killPoints: { name: string; args: string[]; stop: (s: Screen, given: Given) => boolean; raceKey?: boolean }[] = [
    { name: 'in the company profile', args: [], stop: (s, g) => profileByLabel.has(s.message) && Object.keys(g.company).length >= 2 },
    { name: 'on the first dimension question', args: [], stop: (s) => questionByText.has(s.message) },
    { name: "on an advisor's note", args: ['--advisor'], stop: (s) => /^Advisor's note/.test(s.message) },
    { name: 'right after a key press', args: [], stop: (s, g) => questionByText.has(s.message) && g.asked.length >= 6, raceKey: true },
  ];
  it.each(killPoints)('keeps every confirmed answer when killed (SIGKILL) $name', async ({ args, stop, raceKey }) => {
    const tmp = tempDir();
    try {
      const term = start(args, tmp.dir);
      const given = newGiven();
      const onScreen = await answer(term, first, given, (s) => stop(s, given));
      if (raceKey) term.press(KEY.enter);
      term.pty.kill('SIGKILL');
      await term.exited;

      const file = answersFileIn(tmp.dir);
      const saved = loadAnswers(file, pack); // still a valid answers file
      expect(saved.company).toMatchObject(given.company);
      expect(saved.answers).toMatchObject(given.answers);
      const extra = Object.keys(saved.answers).filter((id) => !(id in given.answers));
      // Only the question on screen may have been saved by the racing key press.
      if (raceKey) expect(extra.every((id) => questionByText.get(onScreen.message)?.id === id)).toBe(true);
      else expect(extra).toEqual([]);
      expect(readdirSync(join(tmp.dir, 'reports')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      const resumed = start(['assess', '--resume', file.slice(tmp.dir.length + 1)], tmp.dir);
      const next = await nextScreen(resumed);
      if (raceKey && extra.length) expect(questionByText.get(next.message)?.id).not.toBe(extra[0]);
      else expect(next.message).toBe(onScreen.message);
      // Advisor mode was stored when the session started: the resumed session is back at the first missing note.
      if (args.includes('--advisor')) expect(parse(readFileSync(file, 'utf8')).session).toMatchObject({ advisorMode: true });
      expect(next.text).toContain('Continuing reports/');
    } finally {
      tmp.cleanup();
    }
  });

  it('Ctrl-C stops with exit 130 and says how to continue; the next start offers to resume', async () => {
    const tmp = tempDir();
    try {
      const term = start([], tmp.dir);
      const given = newGiven();
      await answer(term, first, given, (s) => s.message === def.profile[1]!.label.en);
      term.press(KEY.ctrlC);
      expect(await term.exited).toMatchObject({ exitCode: 130 });
      const file = answersFileIn(tmp.dir);
      expect(term.all).toContain(`To continue: digiscan assess --resume reports/${file.split('/').pop()}`);

      const again = start([], tmp.dir);
      await again.waitFor(/Unfinished assessments were found[\s\S]*Continue Acme Test \(0\/\d+ questions[\s\S]*⏎ choose/);
      again.press(KEY.enter);
      const next = await again.waitFor(/Continuing reports\/[^\n]*\n[\s\S]*^\? (.+?)\s*$/m);
      expect(next[1]).toBe(def.profile[1]!.label.en);
    } finally {
      tmp.cleanup();
    }
  });
  it('--answers FILE: a new file is where answers go, an unfinished one is continued, a finished one is scored', async () => {
    const tmp = tempDir();
    try {
      const term = start(['--answers', 'out/client.answers.yaml'], tmp.dir);
      await answer(term, first, newGiven(), (s) => s.message === def.profile[1]!.label.en);
      term.press(KEY.ctrlC);
      expect(await term.exited).toMatchObject({ exitCode: 130 });
      const file = join(tmp.dir, 'out/client.answers.yaml');
      expect(parse(readFileSync(file, 'utf8')).company).toEqual({ name: 'Acme Test' });

      const again = start(['--answers', 'out/client.answers.yaml'], tmp.dir);
      const next = await again.waitFor(/Continuing out\/client\.answers\.yaml[\s\S]*^\? (.+?)\s*$/m);
      expect(next[1]).toBe(def.profile[1]!.label.en);
      await answer(again, first, newGiven());
      expect(await again.exited).toMatchObject({ exitCode: 0 });
      expect(existsSync(join(tmp.dir, 'out/client.json'))).toBe(true);

      const scored = start(['--answers', 'out/client.answers.yaml'], tmp.dir);
      expect(await scored.exited).toMatchObject({ exitCode: 0 });
      expect(scored.all).toContain('Overall index');
      expect(scored.all).not.toMatch(/^\? /m);
      // Its report is already beside it: said, not rewritten.
      expect(scored.all).toContain('This assessment is finished and its report already exists: out/client.pdf');
    } finally {
      tmp.cleanup();
    }
  });
});

describe('without a terminal', () => {
  it('asks for --answers in one line, exit 2', () => {
    const r = runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--answers');
  });

  it('refuses --resume in one line, exit 2', () => {
    const r = runCli(['assess', '--resume', 'reports/x.answers.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--answers FILE');
  });
});
