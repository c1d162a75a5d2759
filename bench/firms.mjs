// Synthetic firms for the bench scripts: random but valid answers for the built-in pack, seeded, so
// every run (and every checkout being compared) scores the same firms.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

// mulberry32: a small seeded generator.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Boulangerie', 'Garage', 'Atelier', 'Bakkerij', 'Studio', 'Plomberie', 'Fiduciaire', 'Drukkerij', 'Café', 'Consult'];
const TOWNS = ['Namur', 'Gent', 'Liège', 'Anvers', 'Brugge', 'Mons', 'Leuven', 'Ixelles', 'Rennes', 'Toulouse'];

/** A valid Belgian enterprise number (BCE/KBO: eight digits, then 97 minus their remainder by 97). */
function enterpriseNumber(rand) {
  const base = Math.floor(rand() * 1e7);
  const digits = String(base).padStart(8, '0') + String(97 - (base % 97)).padStart(2, '0');
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** One firm's answers: every profile field and question drawn from the pack's own options. */
function firm(pack, i, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const company = {};
  for (const q of pack.profile) {
    if (q.required === false && rand() < 0.3) continue;
    if (q.id === 'name') company.name = `${pick(NAMES)} ${pick(TOWNS)} ${i % 997}`; // some names repeat
    else if (q.type === 'choice') company[q.id] = pick(q.options).id;
    else if (q.type === 'number') company[q.id] = Math.floor((q.min ?? 0) + rand() * Math.min(250, (q.max ?? 250) - (q.min ?? 0)));
    else if (q.format === 'enterprise-number') company[q.id] = enterpriseNumber(rand);
    else if (q.pattern) company[q.id] = `${String(10 + Math.floor(rand() * 80))}.${String(Math.floor(rand() * 99)).padStart(2, '0')}`;
    else company[q.id] = `${q.id} ${i}`;
  }
  const answers = {};
  for (const d of pack.dimensions) {
    for (const q of d.questions) {
      if (rand() < 0.05) continue; // a few left unanswered
      if (q.type === 'single') answers[q.id] = pick(q.options).id;
      else {
        const plain = q.options.filter((o) => !o.exclusive);
        const chosen = plain.filter(() => rand() < 0.4).map((o) => o.id);
        answers[q.id] = chosen.length ? chosen : [pick(q.options).id];
      }
    }
  }
  const month = String(1 + Math.floor(rand() * 3)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  return {
    questionnaire: { id: pack.id, version: pack.version },
    language: pick(['fr', 'nl', 'en']),
    assessedOn: `2026-${month}-${day}`,
    company,
    answers,
  };
}

/** Writes n answers files under dir (nested folders of 250, as a consultant keeps them). */
export function writeFirms(root, dir, n) {
  const pack = parse(readFileSync(join(root, 'questionnaires/digiscan-sme/pack.yaml'), 'utf8'));
  const rand = random(20260401);
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `batch-${Math.floor(i / 250)}`);
    if (i % 250 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `firm-${String(i).padStart(5, '0')}.yaml`), stringify(firm(pack, i, rand)));
  }
}
