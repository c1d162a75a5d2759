// Re-assessment in a pseudo-terminal (built command): `assess --from` offers last time's answers,
// Enter keeps them, a change is saved, a new answers file records the one it follows, and the
// earlier file is left as it was.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir, writeFile } from './helpers/cli.js';
import { KEY, Terminal } from './helpers/pty.js';

const PACK = join(ROOT, 'test/fixtures/interview-pack');
const EARLIER = `questionnaire: { id: flow-test, version: 1.0.0 }
language: en
assessedOn: 2026-01-10
company:
  name: Acme
  region: BE-VLG
  employees: 12
answers:
  has_site: yes
  site_mobile: no
  tools_used: [mail]
  tools_backup: no
  gone_question: yes
`;

let terms: Terminal[] = [];
afterEach(() => {
  for (const t of terms) t.pty.kill('SIGKILL');
  terms = [];
});

describe('re-assessment in a terminal', { timeout: 120_000 }, () => {
  it('keeps an earlier answer on Enter, saves a change, and writes a new file that records the earlier one', async () => {
    const tmp = tempDir();
    try {
      // An earlier file of another version (1.0.1) with a question this version no longer has.
      const earlier = EARLIER.replace('flow-test, version: 1.0.0', 'flow-test, version: 1.0.1');
      const prev = writeFile(tmp.dir, 'acme-2026-01-10.answers.yaml', earlier);
      const term = new Terminal(['assess', '--from', 'acme-2026-01-10.answers.yaml', '--pack', PACK, '--date', '2026-06-01'], { cwd: tmp.dir });
      terms.push(term);
      const step = async (screen: RegExp, keys: string) => {
        const m = await term.waitFor(screen);
        term.after(m);
        term.press(keys);
      };
      await term.waitFor(/Re-assessment of Acme: last time.s answers \(2026-01-10\) are offered/);
      const intro = await term.waitFor(/left out\.\n/);
      expect(term.fresh).toContain('Question "gone_question" of the earlier file is no longer in this version of the questionnaire (1.0.1 → 1.0.0): left out.');
      term.after(intro);
      await step(/\? Language[\s\S]*⏎ choose/, KEY.enter);
      await step(/last time: Acme\n\? Name \(Acme\)/, KEY.enter);
      await step(/last time: Flanders\n\? Region[\s\S]*⏎ choose/, KEY.enter);
      await step(/last time: 12\n\? Employees \(12\)/, KEY.enter);
      await step(/\? NACE/, KEY.enter);
      await step(/last time: Yes\n\? A site\?[\s\S]*⏎ choose/, KEY.enter);
      await step(/last time: No\n\? Mobile\?[\s\S]*⏎ choose/, KEY.enter);
      await step(/last time: Email\n\? Which tools\?[\s\S]*⏎ confirm/, KEY.enter);
      // Backup: last time "No" (highlighted); this time "Yes", one up.
      await step(/last time: No\n\? Backup\?[\s\S]*⏎ choose/, KEY.up + KEY.enter);
      await term.waitFor(/Written: [^\n]*\.json\n/);
      expect(await term.exited).toMatchObject({ exitCode: 0 });

      const files = readdirSync(join(tmp.dir, 'reports')).filter((f) => f.endsWith('.answers.yaml'));
      expect(files).toEqual(['acme-2026-06-01.answers.yaml']);
      const saved = parse(readFileSync(join(tmp.dir, 'reports', files[0]!), 'utf8'));
      expect(saved.assessedOn).toBe('2026-06-01');
      expect(saved.previous).toEqual({ file: '../acme-2026-01-10.answers.yaml', assessedOn: '2026-01-10' });
      // NACE had no earlier answer: Enter left it open (null), as in any interview.
      expect(saved.company).toEqual({ name: 'Acme', region: 'BE-VLG', employees: 12, nace: null });
      expect(saved.answers).toEqual({ has_site: 'yes', site_mobile: 'no', tools_used: ['mail'], tools_backup: 'yes' });
      expect(saved.questionnaire).toEqual({ id: 'flow-test', version: '1.0.0' });
      expect(readFileSync(prev, 'utf8')).toBe(earlier);
    } finally {
      tmp.cleanup();
    }
  });
});
