// The profile facts the aids need, as people write them: answers files accept legal forms and regions in
// each language, the interview asks the group's headcount only of a firm in a group.
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { parseAnswers } from '../src/engine/answers/load.js';
import { nearestOption, resolveOption } from '../src/engine/pack/options.js';
import { planSteps } from '../src/app/interview/flow.js';
import { PACK_DIR, readExample } from './helpers/cli.js';
import { loadPack } from '../src/io/load.js';

const pack = loadPack(PACK_DIR);
const typical = readExample('typical');
const withCompany = (lines: string) => typical.replace(/  legal_form: srl\n(  (group|b2c): .*\n)*/, `${lines}\n`);

describe('choices as people write them', () => {
  const form = pack.profile.get('legal_form')!;
  const region = pack.profile.get('region')!;
  it.each([
    ['bv', 'srl'], ['BV', 'srl'], ['bvba', 'srl'], ['nv', 'sa'], ['cv', 'sc'], ['vzw', 'asbl'], ['v.z.w.', 'asbl'],
    ['eenmanszaak', 'sole-trader'], ['sole trader', 'sole-trader'], ['Personne physique', 'sole-trader'], ['sc', 'sc'],
  ])('legal form "%s" is %s', (text, id) => {
    expect(resolveOption(form, text)?.id).toBe(id);
  });
  it.each([
    ['Bruxelles', 'BE-BRU'], ['Brussel', 'BE-BRU'], ['Brussels', 'BE-BRU'], ['Wallonie', 'BE-WAL'], ['Wallonië', 'BE-WAL'],
    ['Vlaanderen', 'BE-VLG'], ['Flandre', 'BE-VLG'], ['Flanders', 'BE-VLG'], ['be-vlg', 'BE-VLG'], ['Île-de-France', 'FR-IDF'], ['ile de france', 'FR-IDF'],
  ])('region "%s" is %s', (text, id) => {
    expect(resolveOption(region, text)?.id).toBe(id);
  });
  it.each([['Bruxels', 'BE-BRU'], ['Vlaandren', 'BE-VLG'], ['Walonie', 'BE-WAL'], ['vzv', 'asbl']])('suggests %s → %s on a typo', (text, id) => {
    expect(resolveOption(id === 'asbl' ? form : region, text)).toBeUndefined();
    expect(nearestOption(id === 'asbl' ? form : region, text)?.id).toBe(id);
  });
  it('suggests nothing for a word far from every option', () => {
    expect(nearestOption(form, 'gmbh')).toBeUndefined();
  });

  it('reads "bv", "Bruxelles", a balance sheet band, a group and B2C in an answers file', () => {
    const text = withCompany("  legal_form: bv\n  balance_sheet: 2m-4.5m\n  group: 'yes'\n  group_employees: 80\n  b2c: 'yes'").replace('region: BE-BRU', 'region: Bruxelles');
    const answers = parseAnswers(text, 'a.yaml', pack, { requireProfile: true });
    expect(answers.company).toMatchObject({ legal_form: 'srl', region: 'BE-BRU', balance_sheet: '2m-4.5m', group: 'yes', group_employees: 80, b2c: 'yes' });
  });

  it('refuses an unknown legal form with the nearest one as a hint', () => {
    try {
      parseAnswers(withCompany('  legal_form: vzv'), 'a.yaml', pack, { requireProfile: true });
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).format()).toMatch(/a\.yaml:\d+:\d+: "vzv" is not a valid legal_form.*did you mean asbl\?/s);
    }
  });
});

describe('interview', () => {
  const profileSteps = (company: Record<string, string | number>) =>
    planSteps(pack, { ...parseAnswers(typical, 'a.yaml', pack), company } as never, false)
      .filter((s) => s.kind === 'profile')
      .map((s) => s.key);
  it('asks the group headcount only of a firm in a group', () => {
    expect(profileSteps({ group: 'yes' })).toContain('profile:group_employees');
    expect(profileSteps({ group: 'no' })).not.toContain('profile:group_employees');
    expect(profileSteps({})).not.toContain('profile:group_employees');
    expect(profileSteps({})).toEqual(expect.arrayContaining(['profile:balance_sheet', 'profile:group', 'profile:b2c']));
  });
});
