import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Answers } from '../src/engine/answers/load.js';
import { serializeAnswers } from '../src/io/answers-write.js';
import { findUnfinished, freeStem, isUnfinished, loadForResume, stemOf } from '../src/app/interview/files.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { loadPack } from '../src/io/load.js';

const pack = loadPack(join(ROOT, 'test/fixtures/interview-pack'));
const tmp = tempDir();
afterAll(tmp.cleanup);

function answers(name: string, extra: Partial<Answers> = {}): Answers {
  return { questionnaire: { id: 'flow-test', version: '1.0.0' }, language: 'fr', company: { name }, answers: {}, notes: {}, ...extra };
}

describe('interview files', () => {
  it('names a new file after the company and date, and takes the next free name when that one is used', () => {
    const dir = join(tmp.dir, 'names');
    expect(freeStem(dir, 'Café Zoë & Co', '2026-03-02')).toBe(join(dir, 'cafe-zoe-co-2026-03-02'));
    mkdirSync(dir);
    writeFileSync(join(dir, 'cafe-zoe-co-2026-03-02.answers.yaml'), 'x');
    writeFileSync(join(dir, 'cafe-zoe-co-2026-03-02-2.pdf'), 'x'); // a report alone also holds its name
    writeFileSync(join(dir, 'cafe-zoe-co-2026-03-02-30.json'), 'x');
    expect(freeStem(dir, 'Café Zoë & Co', '2026-03-02')).toBe(join(dir, 'cafe-zoe-co-2026-03-02-3'));
  });

  it('derives the report stem from the answers file name', () => {
    expect(stemOf('reports/acme-2026-03-02.answers.yaml')).toBe('reports/acme-2026-03-02');
    expect(stemOf('client.yml')).toBe('client');
    expect(stemOf('notes')).toBe('notes');
  });

  it('reads null answers back as questions seen and left open', () => {
    const file = join(tmp.dir, 'open.answers.yaml');
    writeFileSync(file, serializeAnswers(answers('Acme', { answers: { has_site: 'yes' } }), pack, { skipped: new Set(['site_mobile', 'nace']) }));
    const state = loadForResume(file, pack);
    expect(state.answers.answers).toEqual({ has_site: 'yes' });
    expect([...state.skipped].sort()).toEqual(['nace', 'site_mobile']);
    expect(state.languageChosen).toBe(true);
  });

  it('offers only unfinished files of this questionnaire, most recent first', () => {
    const dir = join(tmp.dir, 'reports');
    mkdirSync(dir);
    const put = (name: string, text: string, minutesAgo: number) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      const t = new Date(Date.now() - minutesAgo * 60_000);
      utimesSync(file, t, t);
    };
    put('old.answers.yaml', serializeAnswers(answers('Old'), pack), 60);
    put('new.answers.yaml', serializeAnswers(answers('New'), pack), 1);
    put('done.answers.yaml', serializeAnswers(answers('Done', { completedAt: '2026-03-02T10:00:00Z' }), pack), 0);
    put('other.answers.yaml', serializeAnswers(answers('Other'), pack).replace('id: flow-test', 'id: other-pack'), 0);
    put('broken.answers.yaml', 'questionnaire: [', 0);
    put('notes.yaml', serializeAnswers(answers('Not an answers file name'), pack), 0);
    const found = findUnfinished(dir, pack);
    expect(found.map((f) => f.state.answers.company.name)).toEqual(['New', 'Old']);
    expect(findUnfinished(dir, pack, 1)).toHaveLength(1);
    expect(findUnfinished(join(tmp.dir, 'missing'), pack)).toEqual([]);
  });

  it('tells an unfinished file (something left to ask) from a finished or broken one', () => {
    const put = (name: string, text: string) => {
      const file = join(tmp.dir, name);
      writeFileSync(file, text);
      return file;
    };
    const full = { name: 'Acme', region: 'BE-BRU', employees: 3, nace: '62.01' };
    const allAnswered = { has_site: 'no', tools_used: ['mail'], tools_backup: 'yes' };
    expect(isUnfinished(put('a.yaml', serializeAnswers(answers('Acme'), pack)), pack)).toBe(true);
    expect(isUnfinished(put('b.yaml', serializeAnswers(answers('Acme', { company: full, answers: allAnswered }), pack)), pack)).toBe(false);
    // has_site "yes" shows "Mobile?", which is not answered yet
    expect(isUnfinished(put('c.yaml', serializeAnswers(answers('Acme', { company: full, answers: { ...allAnswered, has_site: 'yes' } }), pack)), pack)).toBe(true);
    expect(isUnfinished(put('d.yaml', serializeAnswers(answers('Acme', { completedAt: '2026-03-02T10:00:00Z' }), pack)), pack)).toBe(false);
    expect(isUnfinished(put('e.yaml', 'questionnaire: ['), pack)).toBe(false);
  });
});
