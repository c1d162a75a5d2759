// The advisor's deliverable: the action plan (lanes, order, net cost after aid), the calendar and the
// two editions of the report, on the three example firms.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assessAnswers, assessmentData } from '../src/app/context.js';
import { parseAnswers } from '../src/engine/answers/load.js';
import { assess } from '../src/engine/assessment/index.js';
import type { AidMatch, Assessment } from '../src/engine/assessment/types.js';
import { addMonths, aidTerms, netCost } from '../src/engine/plan/index.js';
import type { PlanData } from '../src/engine/plan/schema.js';
import { translator } from '../src/i18n/ui.js';
import { loadPack, loadPackPlan, loadUiStrings } from '../src/io/load.js';
import { serializeAnswers } from '../src/io/answers-write.js';
import { renderIcs } from '../src/reports/ics.js';
import { renderPdf } from '../src/reports/pdf/index.js';
import { EXAMPLES, PACK_DIR, readExample, runCli, tempDir } from './helpers/cli.js';
import { readPdf } from './helpers/pdf.js';

const pack = loadPack(PACK_DIR);
const example = (name: string, text = readExample(name)) => parseAnswers(text, `${name}.yaml`, pack, { requireProfile: true });
const assessed = (name: string, text?: string) => assessAnswers(pack, example(name, text), '2026-03-02');
const lanes = (a: Assessment) => ({
  now: a.plan!.filter((p) => p.lane === 'now').map((p) => p.id),
  next: a.plan!.filter((p) => p.lane === 'next').map((p) => p.id),
  later: a.plan!.filter((p) => p.lane === 'later').map((p) => p.id),
});

describe('the action plan', () => {
  it('has one plan.yaml entry for every piece of advice in the built-in pack, and none for unknown questions', () => {
    const data = loadPackPlan(pack)!;
    const advised = [...pack.questions.values()].filter((e) => e.question.advice).map((e) => e.question.id);
    expect(Object.keys(data.actions).sort()).toEqual(advised.sort());
  });

  // Golden: a change of plan.yaml or of the rules shows up here and must be looked at.
  const golden = {
    typical: {
      now: ['inv_peppol_send', 'ai_literacy', 'ai_rules', 'cyber_admin_rights', 'cyber_awareness', 'web_analytics', 'ai_use'],
      next: ['ai_training', 'ai_analytics', 'web_cookies', 'ecom_payment', 'inv_payments', 'cyber_updates', 'cyber_passwords', 'cyber_incident_plan'],
      later: ['ecom_share', 'inv_purchase_entry', 'cyber_mfa', 'cyber_inventory', 'cyber_insurance', 'web_accessibility', 'ecom_channels', 'web_updated', 'ai_uses', 'ecom_delivery', 'inv_archive', 'inv_bookkeeping', 'cyber_backup', 'ai_data', 'web_mobile', 'ecom_stock', 'ecom_customer_file', 'web_features', 'web_maintainer', 'inv_integrated'],
    },
    laggard: {
      now: ['inv_peppol_receive', 'inv_peppol_send', 'inv_tool', 'ai_use', 'ai_analytics', 'inv_purchase_entry', 'cyber_mfa', 'cyber_antimalware'],
      next: ['cyber_passwords', 'cyber_admin_rights', 'cyber_awareness', 'cyber_incident_plan', 'cyber_inventory', 'ai_training', 'inv_payments', 'ecom_customer_file'],
      later: ['web_listings', 'ecom_reviews', 'cyber_updates', 'inv_bookkeeping', 'cyber_insurance', 'cyber_backup', 'ai_data', 'ecom_sells_online', 'inv_archive', 'web_social', 'inv_integrated', 'cyber_it_support', 'web_presence'],
    },
    leader: { now: ['ai_literacy', 'web_accessibility', 'cyber_incident_plan'], next: [], later: [] },
  };
  it.each(Object.keys(golden) as (keyof typeof golden)[])('orders and lanes the %s firm\'s plan', (name) => {
    expect(lanes(assessed(name))).toEqual(golden[name]);
  });

  it('puts legal duties that concern the firm first, and only those', () => {
    const laggard = assessed('laggard'); // Wallonia, 1 FTE, no Peppol
    expect(laggard.plan!.filter((p) => p.legal).map((p) => [p.id, p.legal!.id, p.lane])).toEqual([
      ['inv_peppol_receive', 'peppol-be', 'now'],
      ['inv_peppol_send', 'peppol-be', 'now'],
      ['inv_tool', 'peppol-be', 'now'],
    ]);
    // NIS2 is not a legal reason for a firm of 20 (the pack asks it from 10); it is for a firm of 50 or more.
    const mid = assessed('laggard', readExample('laggard').replace(/employees: \d+/, 'employees: 20'));
    expect(mid.plan!.find((p) => p.id === 'cyber_nis2')!.legal).toBeUndefined();
    const big = assessed('laggard', readExample('laggard').replace(/employees: \d+/, 'employees: 60'));
    expect(big.plan!.find((p) => p.id === 'cyber_nis2')!.legal).toMatchObject({ id: 'nis2-be', inForce: true, source: 'https://atwork.safeonweb.be/nis2' });
    expect(big.plan!.find((p) => p.id === 'cyber_nis2')!.cost).toMatchObject({ min: 0, max: 0, estimate: false, source: 'https://atwork.safeonweb.be/nis2' });
    // A French firm has no Belgian Peppol duty.
    const french = assessed('laggard', readExample('laggard').replace(/region: \S+/, 'region: FR-BRE'));
    expect(french.plan!.some((p) => p.legal?.id === 'peppol-be')).toBe(false);
  });

  it('gives every action its text, gain, effort and a cost only where plan.yaml states one', () => {
    const a = assessed('typical');
    for (const p of a.plan!) {
      expect(p.text).toBe(pack.questions.get(p.id)!.question.advice!.fr);
      expect(p.gain).toBeGreaterThan(0);
    }
    const gains = a.plan!.reduce((sum, p) => sum + p.gain, 0);
    expect(gains).toBeCloseTo(100 - a.overall.score, -1); // all actions together reach (about) 100
    expect(a.plan!.find((p) => p.id === 'cyber_awareness')!.cost).toMatchObject({ min: 0, max: 0, estimate: false, source: 'https://atwork.safeonweb.be/support' });
    expect(a.plan!.find((p) => p.id === 'ecom_payment')!.cost).toBeNull();
    expect(a.plan!.find((p) => p.id === 'ecom_payment')!.netCost).toBeNull();
    // "Don't know" answers are flagged: the action starts with checking.
    expect(a.plan!.find((p) => p.id === 'cyber_admin_rights')!.dontKnow).toBe(true);
    expect(a.plan!.find((p) => p.id === 'ai_rules')!.dontKnow).toBe(false);
  });

  it('keeps the advisor\'s owner, due date and status from the answers file, through a save and a re-run', () => {
    const text = readExample('typical').replace('notes:', 'plan:\n  ai_rules: { owner: Marie, due: 2026-05-31, status: in-progress }\nnotes:');
    const answers = example('typical', text);
    const again = parseAnswers(serializeAnswers(answers, pack), 'again.yaml', pack, { requireProfile: true });
    expect(again.plan).toEqual({ ai_rules: { owner: 'Marie', due: '2026-05-31', status: 'in-progress' } });
    const action = assessAnswers(pack, again, '2026-03-02').plan!.find((p) => p.id === 'ai_rules')!;
    expect(action).toMatchObject({ owner: 'Marie', due: '2026-05-31', status: 'in-progress' });
  });

  it('lists planned actions whose question now has its best answer as done', () => {
    const text = readExample('typical')
      .replace('notes:', 'plan:\n  cyber_awareness: { owner: Marie, status: in-progress }\n  ai_rules: { owner: Paul }\nnotes:')
      .replace('cyber_awareness: never', 'cyber_awareness: yearly');
    const a = assessed('typical', text);
    expect(a.planDone).toEqual([{ id: 'cyber_awareness', dimension: 'cybersecurity', text: pack.questions.get('cyber_awareness')!.question.advice!.fr, owner: 'Marie' }]);
    expect(a.plan!.some((p) => p.id === 'cyber_awareness')).toBe(false);
    expect(a.plan!.find((p) => p.id === 'ai_rules')!.owner).toBe('Paul');
  });

  it('refuses plan entries for unknown actions, with file and line', () => {
    const text = readExample('typical').replace('notes:', 'plan:\n  ai_magic: { owner: Marie }\nnotes:');
    expect(() => example('typical', text)).toThrow(/plan actions are keyed by question id; "ai_magic" is not one/);
  });
});

describe('net cost after aid', () => {
  // An aid match as the aids engine gives it: the numbers live on its strands.
  const strand = (id: string, rate: [number, number], cap: number | null, themes: string[] = [], unit: 'percent' | 'deduction' = 'percent') =>
    ({ id, themes, rateValue: { unit, min: rate[0], max: rate[1] }, capAmount: cap, applyBefore: true }) as AidMatch['strands'][number];
  const aid = (...strands: AidMatch['strands']): AidMatch => ({ id: 'x', strands }) as unknown as AidMatch;
  const terms = (rate: [number, number], cap: number | null) => aidTerms(aid(strand('s', rate, cap)))[0]!;

  it('is cost minus rate × cost below the cap', () => {
    expect(netCost({ min: 1000, max: 1000 }, terms([50, 50], 10_000))).toEqual({ min: 500, max: 500, currency: 'EUR' });
    // A rate range: the best rate on the lowest cost, the lowest rate on the highest cost.
    expect(netCost({ min: 2000, max: 20_000 }, terms([25, 70], 10_000))).toEqual({ min: 600, max: 15_000, currency: 'EUR' });
  });

  it('stops at the cap, exactly at it and above it', () => {
    expect(netCost({ min: 20_000, max: 20_000 }, terms([50, 50], 10_000))).toEqual({ min: 10_000, max: 10_000, currency: 'EUR' });
    expect(netCost({ min: 30_000, max: 30_000 }, terms([70, 70], 10_000))).toEqual({ min: 20_000, max: 20_000, currency: 'EUR' });
  });

  it('is not computed without a cap, or for a tax deduction', () => {
    expect(netCost({ min: 1000, max: 2000 }, terms([50, 50], null))).toBeUndefined();
    expect(aidTerms(aid(strand('d', [120, 120], 1000, [], 'deduction')))).toEqual([]);
  });

  it('reads each strand on its own, and only the strands of the action\'s theme', () => {
    const two = aid(strand('advice', [50, 50], 5000, ['cybersecurity']), strand('training', [30, 30], 7500, ['training']));
    expect(aidTerms(two, 'cybersecurity').map((x) => x.strand)).toEqual(['advice']);
    expect(aidTerms(two).map((x) => x.strand)).toEqual(['advice', 'training']);
  });

  it('takes the best matched aid of the action\'s area and says to apply before starting', () => {
    // The typical Brussels firm matches the Prime Digitalisation (25–70 %, €10,000 a year) for its website.
    const data = structuredClone(loadPackPlan(pack)!) as PlanData;
    data.costs.test = { min: 2000, max: 20_000, estimate: true, basis: { fr: 'x', nl: 'x', en: 'x' }, source: { url: 'https://example.org/', publisher: 'x', asOf: '2026' } };
    data.actions.web_analytics = { effort: 'low', cost: 'test' };
    const a = assess({ pack, answers: example('typical'), today: '2026-03-02', toolVersion: 'test', ...assessmentData(pack), plan: data });
    const action = a.plan!.find((p) => p.id === 'web_analytics')!;
    expect(action.aids).toContain('bru-prime-digitalisation');
    expect(action.netCost).toEqual({ min: 600, max: 15_000, currency: 'EUR' });
    expect(action.funding).toMatchObject({ aid: 'bru-prime-digitalisation', strand: expect.any(String), applyBefore: true });
  });
});

describe('the calendar', () => {
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  const parseIcs = (text: string) => {
    const vcal = new ICAL.Component(ICAL.parse(text));
    return vcal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  };

  it('parses, and holds only events after the assessment date: deadlines, aid windows, targets and the review', async () => {
    const text = readExample('typical').replace('notes:', 'plan:\n  ai_rules: { owner: Marie, due: 2026-05-31 }\n  web_analytics: { due: 2026-01-15 }\nnotes:');
    const a = assessed('typical', text);
    const ics = await renderIcs([{ assessment: a, t: translator('fr', loadUiStrings()) }]);
    const events = parseIcs(ics);
    const days = events.map((e) => e.startDate.toString());
    expect(days).toEqual(['2026-05-31', '2026-09-02', '2027-12-31']);
    for (const e of events) {
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString() > a.assessedOn).toBe(true);
      expect(e.endDate.compare(e.startDate)).toBe(1);
      expect(e.uid).toMatch(/@digiscan$/);
    }
    const summaries = events.map((e) => e.summary.replace(/[\u00a0\u202f]/g, ' '));
    expect(summaries[0]).toContain('Écrivez une règle d\'une page');
    expect(summaries[1]).toBe('Boulangerie Dupont — revue de suivi du diagnostic numérique');
    expect(plain(events[2]!.description)).toContain('Source : https://efactu');
    // Every source a client's calendar cites is an official publisher's page.
    for (const e of events) for (const url of plain(e.description).match(/https?:\/\/[^\s/]+/g) ?? []) expect(url).toMatch(/\.belgium\.be$|europa\.eu$|\.brussels$|wallonie\.be$|vlaio\.be$/);
  });

  it('follows followUp: from the answers file, else six months after the assessment', () => {
    expect(addMonths('2026-03-02', 6)).toBe('2026-09-02');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    const a = assessed('typical', readExample('typical').replace('notes:', 'followUp: 2026-06-15\nnotes:'));
    expect(a.followUp).toBe('2026-06-15');
    expect(a.calendar!.find((e) => e.kind === 'follow-up')!.date).toBe('2026-06-15');
  });

  it('is written by assess --calendar, beside the report', () => {
    const tmp = tempDir();
    try {
      const r = runCli(['assess', '--answers', join(EXAMPLES, 'laggard.yaml'), '--calendar', 'plan.ics'], { cwd: tmp.dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const events = parseIcs(readFileSync(join(tmp.dir, 'plan.ics'), 'utf8'));
      expect(events.map((e) => e.startDate.toString())).toEqual(['2026-09-02', '2027-12-31']);
      // Never overwritten without --force.
      const again = runCli(['assess', '--answers', join(EXAMPLES, 'laggard.yaml'), '--calendar', 'plan.ics', '--json'], { cwd: tmp.dir });
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/^digiscan: plan\.ics: already exists; not overwritten/);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('the two editions', () => {
  const pdfOf = async (a: Assessment, edition: 'client' | 'advisor', logo?: Buffer) =>
    readPdf(await renderPdf(a, { t: translator(a.language, loadUiStrings()), deterministic: true, edition, logo }));
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

  it('both start with a one-page summary and hold the plan; only the advisor edition has the annex', async () => {
    const a = assessed('typical');
    const client = await pdfOf(a, 'client');
    const advisor = await pdfOf(a, 'advisor');
    for (const pdf of [client, advisor]) {
      expect(plain(pdf.pages[1]!)).toContain('En bref');
      expect(plain(pdf.pages[1]!)).toContain(`Indice global ${a.overall.score}/100 — niveau 3 (En progression)`);
      expect(plain(pdf.pages[1]!)).toContain('Les trois actions qui comptent le plus');
      expect(plain(pdf.pages[1]!)).toContain('2 septembre 2026 — revue de suivi');
      expect(pdf.text).toContain("Plan d'action");
    }
    expect(client.text).not.toContain('Annexe pour le conseiller');
    expect(client.text).not.toContain('Édition conseiller');
    expect(advisor.text).toContain('Annexe pour le conseiller');
    expect(advisor.text).toContain('Champs du plan à remplir');
    expect(advisor.text).toContain('cyber_admin_rights'); // a don't-know to revisit
    expect(advisor.pages[0]).toContain('Édition conseiller');
  });

  it('show the advisor and a test run on the cover and in the footer', async () => {
    const text = readExample('typical').replace(
      'notes:',
      'advisor: { name: Claire Martin, organisation: Hub Numérique, email: claire@example.org }\nsession: { type: test-run, date: 2026-03-02 }\nnotes:',
    );
    const a = assessed('typical', text);
    const pdf = await pdfOf(a, 'client', readFileSync(join(import.meta.dirname, 'fixtures/advisor-logo.png')));
    expect(plain(pdf.pages[0]!)).toContain('Préparé par Claire Martin, Hub Numérique — claire@example.org');
    expect(pdf.pages[0]).toContain('ESSAI — ne pas diffuser');
    expect(pdf.pages.at(-1)).toContain('Claire Martin, Hub Numérique');
    expect(pdf.alts).toContain('Hub Numérique');
  });

  it('--advisor-profile and --session go into the JSON; a missing profile is one line, exit 2', () => {
    const tmp = tempDir();
    try {
      const r = runCli(['assess', '--answers', join(EXAMPLES, 'typical.yaml'), '--json', '--session', 'test-run', '--advisor-profile', join(import.meta.dirname, 'fixtures/advisor-profile.yaml')], { cwd: tmp.dir });
      expect(r.stderr).toBe('');
      const json = JSON.parse(r.stdout);
      expect(json.advisor).toMatchObject({ name: 'Claire Martin', organisation: 'Hub Numérique Bruxelles' });
      expect(json.session).toEqual({ type: 'test-run' });
      expect(json.plan[0]).toMatchObject({ id: 'inv_peppol_send', lane: 'now', dimension: 'invoicing', aids: expect.any(Array), netCost: null });
      const bad = runCli(['assess', '--answers', join(EXAMPLES, 'typical.yaml'), '--out', 'r.pdf', '--advisor-profile', 'nope.yaml'], { cwd: tmp.dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('the answers file keeps the session', () => {
  it('writes advisor, session, followUp and plan back in a stable order', () => {
    const text = readExample('typical').replace('notes:', 'followUp: 2026-09-30\nsession: { type: facilitated, advisorMode: true }\nadvisor: { name: Claire }\nplan:\n  ai_rules: { status: done }\nnotes:');
    const out = parse(serializeAnswers(example('typical', text), pack));
    expect(Object.keys(out)).toEqual(['questionnaire', 'language', 'assessedOn', 'session', 'advisor', 'followUp', 'company', 'answers', 'notes', 'plan']);
  });
});
