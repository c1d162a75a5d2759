// Hostile content and planted files (issue "Hardening 2"): temporary files that a planted symlink
// cannot redirect and that an interrupted run does not leave behind, linear line breaking, a crashed
// batch worker that fails only its own firm, and control characters that never reach the terminal raw.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../src/app/batch/pool.js';
import type { Job } from '../src/app/batch/inputs.js';
import type { WorkerConfig } from '../src/app/batch/protocol.js';
import { guardOutput, visible, visibleDeep } from '../src/core/sanitize.js';
import { translator } from '../src/i18n/ui.js';
import { loadUiStrings } from '../src/io/load.js';
import { breakLongWords } from '../src/reports/pdf/wrap.js';
import { renderPdf } from '../src/reports/pdf/index.js';
import { fixtureAssessment } from './fixtures/pdf-assessment.js';
import { BIN, EXAMPLES, ROOT, readExample, runCli, tempDir } from './helpers/cli.js';
import { KEY, Terminal } from './helpers/pty.js';

const tmp = tempDir('digiscan-security-');
afterAll(tmp.cleanup);
let n = 0;
const freshDir = () => {
  const dir = join(tmp.dir, `case-${n++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const typical = readExample('typical');
const plant = ['--import', join(ROOT, 'test/helpers/plant-temp.mjs')];
/** Any control character but tab and newline (what a terminal would act on). */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('temporary files', () => {
  it('a symlink planted at the old predictable summary name is never followed', () => {
    const dir = freshDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const out = join(dir, 'out');
    const r = runCli(['batch', join(EXAMPLES, 'typical.yaml'), '--out', out, '--format', 'json'], {
      cwd: dir,
      nodeArgs: plant,
      env: { PLANT_DIR: out, PLANT_VICTIM: victim, PLANT_MODE: 'pid', PLANT_FILES: 'summary.csv' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toContain('Boulangerie Dupont');
  });

  it.each([
    ['the batch summary', (dir: string) => ['batch', join(EXAMPLES, 'typical.yaml'), '--out', join(dir, 'out'), '--format', 'json'], 'out', 'summary.csv'],
    ['a template', (dir: string) => ['template', '--out', join(dir, 'out', 't.yaml')], 'out', 't.yaml'],
  ])('%s: a symlink at the exact temporary name is refused, not followed', (_what, args, sub, file) => {
    const dir = freshDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const out = join(dir, sub);
    const r = runCli(args(dir), { cwd: dir, nodeArgs: plant, env: { PLANT_DIR: out, PLANT_VICTIM: victim, PLANT_MODE: 'fixed', PLANT_FILES: file } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^digiscan: .*${file.replace('.', '\\.')}: cannot write: a file already stands at the temporary name \\(not followed\\)\\n$`));
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(existsSync(join(out, file))).toBe(false);
    // The planted link is left as it was (not replaced, not removed).
    const planted = readdirSync(out).filter((f) => f.endsWith('.tmp'));
    expect(planted).toHaveLength(1);
    expect(lstatSync(join(out, planted[0]!)).isSymbolicLink()).toBe(true);
  });

  it('temporary names are unpredictable and stay within the name length limit', async () => {
    const { tempNameBeside } = await import('../src/io/temp.js');
    const a = tempNameBeside('/x/report.pdf');
    expect(a).toMatch(/^\/x\/\.report\.pdf\.[0-9a-f]{32}\.tmp$/);
    expect(tempNameBeside('/x/report.pdf')).not.toBe(a);
    const long = tempNameBeside(`/x/${'é'.repeat(120)}.pdf`);
    expect(Buffer.byteLength(long.slice(3))).toBeLessThanOrEqual(255);
    expect(long).not.toContain('\uFFFD');
  });

  // (SIGINT was handled before; these two were not.)
  it.each(['SIGTERM', 'SIGHUP'] as const)('no temporary file is left after %s', async (signal) => {
    const dir = freshDir();
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    for (let i = 0; i < 12; i++) writeFileSync(join(inputs, `f${i}.yaml`), typical.replace('Boulangerie Dupont', `Firm ${i}`));
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'batch', inputs, '--out', out, '--format', 'pdf', '--jobs', '1'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until the batch is under way: its summary is being written, reports have started.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !(existsSync(out) && readdirSync(out).some((f) => f.endsWith('.pdf')))) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(readdirSync(out).some((f) => f.startsWith('.summary.csv.') && f.endsWith('.tmp'))).toBe(true);
    child.kill(signal);
    const code = await exited;
    expect(code).toBe(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal]);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
  }, 30_000);
});

describe('line breaking', () => {
  const charWidth = (ch: string) => (ch === 'W' ? 9 : 5);

  it('cuts only words too wide for the line, into pieces that fit, and loses nothing', () => {
    const text = `short words ${'W'.repeat(57)}x and ${'a'.repeat(10)}`;
    const out = breakLongWords(text, 100, charWidth, 9);
    expect(out.replace(/\n/g, '')).toBe(text);
    const long = out.split(/\s+/).filter((w) => w.startsWith('W'));
    expect(long).toHaveLength(6);
    for (const piece of long) expect([...piece].reduce((w, ch) => w + charWidth(ch), 0)).toBeLessThanOrEqual(100);
    expect(out).toContain(' and aaaaaaaaaa');
    expect(breakLongWords('nothing to cut here', 100, charWidth, 9)).toBe('nothing to cut here');
  });

  it('never splits a surrogate pair and measures each character once', () => {
    let calls = 0;
    const word = '😀'.repeat(5000);
    const out = breakLongWords(word, 50, () => (calls++, 10), 10);
    expect(calls).toBe(5000);
    for (const piece of out.split('\n')) expect(piece).toBe('😀'.repeat(5));
  });

  it('a PDF with the longest allowed name and a note of one 4,000-character word measures linearly', async () => {
    const a = fixtureAssessment({ companyName: 'N'.repeat(300) });
    a.dimensions[0]!.note = 'x'.repeat(4000);
    const proto = PDFDocument.prototype as unknown as { widthOfString: (s: string, o?: unknown) => number };
    const original = proto.widthOfString;
    let measured = 0;
    proto.widthOfString = function (this: unknown, s: string, o?: unknown) {
      measured += s.length;
      return original.call(this, s, o);
    };
    try {
      const bytes = await renderPdf(a, { t: translator(a.language, loadUiStrings()), deterministic: true });
      expect(bytes.length).toBeGreaterThan(1000);
    } finally {
      proto.widthOfString = original;
    }
    // The rest of the report measures well under 200,000 characters; cutting a 4,000-character word by
    // re-measuring the rest of it for each line (pdfkit's own way) costs far more.
    expect(measured).toBeLessThan(200_000);
  });
});

describe('batch worker crash', () => {
  it('fails only the firm it was working on; the firms queued behind it are scored', async () => {
    const done: number[] = [];
    const failed: [number, string][] = [];
    const pool = new WorkerPool(join(ROOT, 'test/helpers/crash-worker.mjs'), {} as WorkerConfig, 1, {
      claim: () => 1,
      done: (job) => done.push(job.seq),
      failed: (job, message) => failed.push([job.seq, message]),
    });
    const job = (seq: number, file: string): Job => ({ seq, source: file, file, kind: 'yaml', origin: { source: file, file }, warnings: [] });
    const files = ['a.yaml', 'crash-first.yaml', 'b.yaml', 'c.yaml', 'crash-again.yaml', 'd.yaml'];
    for (const [seq, file] of files.entries()) await pool.submit(job(seq, file));
    await pool.close();
    expect(failed.map(([seq]) => seq)).toEqual([1, 4]);
    expect(failed[0]![1]).toMatch(/^unexpected error: worker stopped \(exit code 1\)$/);
    expect(done.sort()).toEqual([0, 2, 3, 5]);
  });

  it('a crash on the very first firm does not fail the others', async () => {
    const done: number[] = [];
    const failed: number[] = [];
    const pool = new WorkerPool(join(ROOT, 'test/helpers/crash-worker.mjs'), {} as WorkerConfig, 1, {
      claim: () => 1,
      done: (job) => done.push(job.seq),
      failed: (job) => failed.push(job.seq),
    });
    for (const [seq, file] of ['crash.yaml', 'a.yaml', 'b.yaml'].entries()) await pool.submit({ seq, source: file, file, kind: 'yaml', origin: { source: file, file }, warnings: [] });
    await pool.close();
    expect(failed).toEqual([0]);
    expect(done.sort()).toEqual([1, 2]);
  });
});

describe('terminal escape injection', () => {
  // Window title, screen clear, carriage return, an 8-bit CSI, a right-to-left override, a hyperlink,
  // a clipboard write, a bell, a backspace.
  const hostile = '\\e]0;pwned\\a\\e[2J\\rX\\u009b31m\\u202eY\\e]8;;http://evil\\e\\\\link\\e]8;;\\e\\\\\\e]52;c;ZXZpbA==\\a\\b';
  const evil = typical.replace('name: Boulangerie Dupont', `name: "Evil${hostile}Co"`);

  it.each([
    ['NO_COLOR, to a pipe', { NO_COLOR: '1' }],
    ['forced colour', { NO_COLOR: undefined, FORCE_COLOR: '1' }],
  ])('assess prints a hostile company name with visible escapes (%s)', (_what, env) => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.yaml'), evil);
    const r = runCli(['assess', '--answers', 'a.yaml', '--out', 'r.pdf'], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Evil\\u001b]0;pwned\\u0007\\u001b[2J\\u000dX\\u009b31m\\u202eY');
    // Only colour sequences (when forced) remain: no OSC, no screen clear, no CR, no C1, no bidi.
    const withoutColour = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutColour).not.toMatch(RAW_CONTROL);
  });

  it('the --json output stays valid JSON with the same name', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.yaml'), evil);
    const r = runCli(['assess', '--answers', 'a.yaml', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(r.stdout).company.name).toBe('Evil\u001b]0;pwned\u0007\u001b[2J\rX\u009b31m\u202eY\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\\u001b]52;c;ZXZpbA==\u0007\bCo');
  });

  it('error lines show hostile values and file names as visible escapes', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.yaml'), typical.replace(/region: \S+/, `region: "${hostile}"`));
    const r = runCli(['assess', '--answers', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^digiscan: a\.yaml:\d+:\d+: “Region of the operating seat \(region\)”: “\\u001b\]0;pwned\\u0007/);
    expect(r.stderr).not.toMatch(RAW_CONTROL);

    const file = '\u001b]0;title\u0007\rfake.yaml';
    const missing = runCli(['assess', '--answers', file], { cwd: dir });
    expect(missing.stderr).toBe('digiscan: \\u001b]0;title\\u0007\\u000dfake.yaml: no such file\n');
  });

  it('batch progress, failures and portfolio lines carry no raw control character', () => {
    const dir = freshDir();
    const csv = [
      'Timestamp,Company name,Region of the operating seat,Number of employees (FTE)',
      '2026-01-05,"Good\u001b[2J\u001b]0;t\u0007",Bruxelles-Capitale,3',
      '2026-01-05,Bad,"Atlan\u001b[1A\u001b[2K\rtis",3',
    ].join('\n');
    writeFileSync(join(dir, `f\u001b]0;x\u0007.csv`), csv);
    const r = runCli(['batch', `f\u001b]0;x\u0007.csv`, '--out', 'out', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('f\\u001b]0;x\\u0007.csv, row 3 (Bad): Not scored: “Region of the operating seat”: “Atlan\\u001b[1A\\u001b[2K\\u000dtis” is not one of the answers');
    expect(r.stderr + r.stdout).not.toMatch(RAW_CONTROL);
  });

  it('the guard lets digiscan\'s own colour and cursor sequences through and nothing else', () => {
    expect(guardOutput('\u001b[1mbold\u001b[22m \u001b[2K\u001b[1A\u001b[G\r\u001b[?25l', true)).toBe('\u001b[1mbold\u001b[22m \u001b[2K\u001b[1A\u001b[G\r\u001b[?25l');
    expect(guardOutput('\u001b]0;t\u0007\u001b[2J\u001bP1$r\u001b\\\u0090', true)).toBe('\\u001b]0;t\\u0007\\u001b[2J\\u001bP1$r\\u001b\\\\u0090');
    expect(guardOutput('\u001b[1mbold\u001b[22m\r', false)).toBe('\\u001b[1mbold\\u001b[22m\\u000d');
    expect(guardOutput('a,b\r\nc,d\r\n', false)).toBe('a,b\r\nc,d\r\n');
    expect(visible('tab\tnew\nline')).toBe('tab\tnew\nline');
    expect(visibleDeep({ a: ['\u0007'], b: { c: '\u009b' }, n: 3 })).toEqual({ a: ['\\u0007'], b: { c: '\\u009b' }, n: 3 });
  });
});

describe('regular files only', () => {
  const fifoCase = (name: string) => {
    const dir = freshDir();
    execFileSync('mkfifo', [join(dir, name)]);
    return dir;
  };

  it.each([
    ['a named pipe as the answers file', (dir: string) => (execFileSync('mkfifo', [join(dir, 'p.yaml')]), ['assess', '--answers', 'p.yaml']), /^digiscan: p\.yaml: is a named pipe, not a regular file; only regular files are read\n$/],
    ['a device as the answers file', () => ['assess', '--answers', '/dev/zero'], /^digiscan: \/dev\/zero: is a device, not a regular file; only regular files are read\n$/],
    ['a named pipe as the pack', (dir: string) => (mkdirSync(join(dir, 'p')), execFileSync('mkfifo', [join(dir, 'p', 'pack.yaml')]), ['assess', '--answers', join(EXAMPLES, 'typical.yaml'), '--pack', 'p']), /^digiscan: .*p\/pack\.yaml: is a named pipe, not a regular file/],
  ])('%s is refused at once', (_what, args, expected) => {
    const dir = freshDir();
    const r = runCli(args(dir), { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
  });

  it('batch refuses a named pipe named *.yaml in a folder and scores the rest', () => {
    const dir = fifoCase('a-pipe.yaml');
    writeFileSync(join(dir, 'b.yaml'), typical);
    const r = runCli(['batch', '.', '--out', 'out', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('digiscan: a-pipe.yaml: is a named pipe, not a regular file; only regular files are read\n');
    expect(readFileSync(join(dir, 'out', 'summary.csv'), 'utf8')).toContain('Boulangerie Dupont');
  });

  it('the start screen passes over a named pipe among the unfinished answers files', async () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'reports'));
    execFileSync('mkfifo', [join(dir, 'reports', 'stuck.answers.yaml')]);
    const unfinished = typical.replace(/^assessedOn:.*\n/m, '').replace('name: Boulangerie Dupont', 'name: "Evil\\e]0;pwned\\a\\e[2JCo"').replace(/ {2}ai_use: .*\n/, '');
    writeFileSync(join(dir, 'reports', 'evil.answers.yaml'), unfinished);
    const term = new Terminal([], { cwd: dir });
    try {
      await term.waitFor(/Unfinished assessments were found/);
      await term.waitFor(/Continue Evil/);
      const raw = (term as unknown as { raw: string }).raw;
      // The hostile name is shown with visible escapes: no title change, no screen clear.
      expect(raw).toContain('Evil\\u001b]0;pwned\\u0007\\u001b[2JCo');
      expect(raw).not.toMatch(/\u001b\]|\u001b\[2J|\u0007/);
    } finally {
      term.pty.kill();
    }
  }, 20_000);
});

describe('pack pattern safety', () => {
  it.each(['^\\d{2}(\\.\\d{1,2}(\\d)?)?$', '^[A-Z]{2}\\d{4,10}$', '^(ab)+$', '^(\\d{2})+$', '^[a-z(]+\\)$', '^(?:BE)?0\\d{9}$', '^(?<code>\\d+)$', 'a{'])('accepts %s', async (pattern) => {
    const { unsafePattern } = await import('../src/engine/pack/regex-safety.js');
    expect(unsafePattern(pattern)).toBeUndefined();
  });
  it.each(['(a+)+', '(a*)*$', '^(a|aa)+$', '(a?a?)+b', '((ab)*)+', '(?:x+){2,}', '(\\w+\\s?)*$', '([a-z]+)*=', '(a+){3,5}', '(?<n>a+)+', '(a)\\1', '(?<n>a)\\k<n>'])('refuses %s', async (pattern) => {
    const { unsafePattern } = await import('../src/engine/pack/regex-safety.js');
    expect(unsafePattern(pattern)).toMatch(/exponential time/);
  });
});

describe('two interviews on one answers file', () => {
  const unfinished = typical.replace('language: fr', 'language: en').replace(/ {2}ai_use: .*\n/, '').replace(/ {2}ai_uses: .*\n/, '');
  const setup = (pid: number, host = hostname()) => {
    const dir = freshDir();
    const file = join(dir, 'f.answers.yaml');
    writeFileSync(file, unfinished);
    writeFileSync(`${file}.lock`, `pid: ${pid}\nhost: ${JSON.stringify(host)}\nsince: 2026-03-02T09:00:00.000Z\n`);
    return { dir, file };
  };
  const terms: Terminal[] = [];
  afterAll(() => {
    for (const term of terms) term.pty.kill('SIGKILL');
  });
  const start = (args: string[], cwd: string) => {
    const term = new Terminal(args, { cwd });
    terms.push(term);
    return term;
  };

  it('a file held by a running interview can be opened read-only: results shown, nothing saved', async () => {
    const { dir, file } = setup(process.pid);
    const term = start(['assess', '--resume', file], dir);
    await term.waitFor(new RegExp(`f\\.answers\\.yaml is open in another interview \\(process ${process.pid} on .*, since 2026-03-02 09:00 UTC\\)`));
    await term.waitFor(/Open read-only/);
    term.press(KEY.down);
    term.press(KEY.enter);
    await term.waitFor(/Read-only: nothing was saved\./);
    expect((await term.exited).exitCode).toBe(0);
    expect(term.all).toContain('Boulangerie Dupont');
    expect(readFileSync(file, 'utf8')).toBe(unfinished);
    expect(readFileSync(`${file}.lock`, 'utf8')).toContain(`pid: ${process.pid}\n`);
  }, 30_000);

  it('waiting continues once the other interview has ended, under a lock of its own', async () => {
    const { dir, file } = setup(process.pid);
    const term = start(['assess', '--resume', file], dir);
    await term.waitFor(/is open in another interview/);
    term.press(KEY.enter);
    await term.waitFor(/Waiting for the other interview to end/);
    // The other interview saves one more answer, then ends.
    writeFileSync(file, unfinished.replace('answers:\n', 'answers:\n  ai_use: regularly\n'));
    unlinkSync(`${file}.lock`);
    await term.waitFor(/Continuing .*f\.answers\.yaml at the first unanswered question/);
    // It goes on from what the other interview saved: answering the next question saves a file that
    // still holds the other interview's answer.
    const before = readFileSync(file, 'utf8');
    await term.waitFor(/question 2 of \d+[\s\S]*\? /);
    term.press('0123.456.749');
    term.press(KEY.enter);
    const deadline = Date.now() + 15_000;
    while (readFileSync(file, 'utf8') === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(file, 'utf8')).not.toBe(before);
    expect(readFileSync(file, 'utf8')).toMatch(/^ {2}ai_use: regularly$/m);
    const lock = readFileSync(`${file}.lock`, 'utf8');
    expect(lock).toMatch(/^pid: \d+\n/);
    expect(lock).not.toContain(`pid: ${process.pid}\n`);
    term.pty.kill('SIGTERM');
    await term.exited;
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 30_000);

  it('a lock left by a process that no longer runs on this host is taken over', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const { dir, file } = setup(dead);
    const term = start(['assess', '--resume', file], dir);
    await term.waitFor(new RegExp(`The lock left by process ${dead} \\(no longer running\\) was taken over`));
    await term.waitFor(/Continuing/);
    term.pty.kill('SIGTERM');
    await term.exited;
  }, 30_000);

  it('a lock from another computer is never presumed dead', async () => {
    const { dir, file } = setup(999_999, 'another-host.example');
    const term = start(['assess', '--resume', file], dir);
    await term.waitFor(/is open in another interview \(process 999999 on another-host\.example/);
    term.pty.kill('SIGTERM');
    await term.exited;
    expect(readFileSync(`${file}.lock`, 'utf8')).toContain('another-host.example');
  }, 30_000);
});

describe('characters outside the report font', () => {
  it('are drawn as a visible "\uFFFD", never as empty boxes or mirrored text, with one warning', async () => {
    const dir = freshDir();
    const name = 'Ça 株式会社 שלום مرحبا 👍🏽 Dupont';
    writeFileSync(join(dir, 'a.yaml'), typical.replace('name: Boulangerie Dupont', `name: "${name}"`).replace('language: fr', 'language: en'));
    const r = runCli(['assess', '--answers', 'a.yaml', '--out', 'r.pdf'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('digiscan: warning: some characters (Chinese, Japanese, Korean, Hebrew, Arabic, some emoji…) cannot be drawn in the report\'s font: they are shown as "\uFFFD" in the PDF.\n');
    const { readPdf } = await import('./helpers/pdf.js');
    const pdf = await readPdf(readFileSync(join(dir, 'r.pdf')));
    const text = pdf.pages.join('\n').replace(/\s+/g, ' ');
    // One replacement per user-perceived character: 4 CJK, 4 Hebrew, 5 Arabic letters, 1 emoji with its skin tone.
    expect(text).toContain('Ça \uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD Dupont');
    expect(text).not.toMatch(/[\u0590-\u08ff\u4e00-\u9fff]/);
  });

  it('control characters are dropped from the PDF, and what the font lacks is replaced per character', async () => {
    const { drawable } = await import('../src/reports/pdf/glyphs.js');
    const has = (cp: number) => cp < 0x3000;
    expect(drawable('a\u001b]0;t\u0007b\u202ec\u009b\nd\te', has)).toBe('a]0;tbc\nd\te');
    expect(drawable('x中文y', has)).toBe('x\uFFFD\uFFFDy');
    expect(drawable('שלום', () => true)).toBe('\uFFFD\uFFFD\uFFFD\uFFFD');
  });

  it('plain Latin, Greek and Cyrillic text is left alone', async () => {
    const { takeReplacedCount } = await import('../src/reports/pdf/glyphs.js');
    const a = fixtureAssessment({ companyName: 'Łódź Ærø Ελλάς Москва € ✓ 😀' });
    takeReplacedCount();
    const { readPdf } = await import('./helpers/pdf.js');
    const pdf = await readPdf(await renderPdf(a, { t: translator(a.language, loadUiStrings()), deterministic: true }));
    expect(takeReplacedCount()).toBe(0);
    expect(pdf.text).toContain('Łódź Ærø Ελλάς Москва € ✓ 😀');
  });
});
