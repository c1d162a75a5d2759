// The pure middle of the pipeline: validated pack + answers (+ today) → Assessment.
import { matchAids } from '../aids/index.js';
import type { AidCatalogue } from '../aids/load.js';
import { aidProfileFromCompany, legalFormLabels } from '../aids/profile.js';
import type { Answers } from '../answers/load.js';
import { dimensionBenchmarks, digitalIntensity, factStatus, type BenchmarkData, type CompareContext } from '../benchmarks/index.js';
import { translator, type UiStrings } from '../../i18n/ui.js';
import type { Lang } from '../../core/lang.js';
import type { Pack } from '../pack/load.js';
import { nextSteps, strengths } from '../recommendations/index.js';
import { establishedFacts, partlyFacts, scoreAssessment, type QuestionStatus } from '../scoring/index.js';
import { addMonths, aidClosing, buildPlan, calendarEvents, doneActions, type PlanData } from '../plan/index.js';
import type { AdvisorIdentity, Assessment, AssessmentWarning, CompanySummary, DimensionResult, ProfileLine } from './types.js';

export type { Assessment } from './types.js';

export interface AssessInput {
  pack: Pack;
  answers: Answers;
  /** YYYY-MM-DD; the caller passes the clock in. Answers' own assessedOn wins. */
  today: string;
  /** Report language; defaults to the answers' language. */
  lang?: Lang | undefined;
  toolVersion: string;
  /** The pack's aids catalogue and the interface strings to word the matches in; no aids without it. */
  aids?: { catalogue: AidCatalogue; ui: UiStrings } | undefined;
  /** The pack's barometer figures; without them the comparisons and the digital intensity stay out. */
  benchmarks?: BenchmarkData | undefined;
  /** Interface strings (questionnaires/i18n/ui.yaml) for the texts the comparisons need. */
  ui?: UiStrings | undefined;
  /** The pack's action plan data (plan.yaml); without it the assessment has no plan or calendar. */
  plan?: PlanData | undefined;
  /** Advisor identity from --advisor-profile, under the answers' own `advisor:` fields. */
  advisor?: AdvisorIdentity | undefined;
}

export function assess(input: AssessInput): Assessment {
  const { pack, answers } = input;
  const def = pack.definition;
  const lang = input.lang ?? answers.language;
  const scores = scoreAssessment(def, answers);
  const levelName = (level: number) => def.levels.find((l) => l.level === level)!.name[lang];
  const level = def.levels.find((l) => l.level === scores.overall.level)!;
  const company = companySummary(answers);

  let compare: CompareContext | undefined;
  if (input.benchmarks) {
    const statuses = new Map<string, QuestionStatus>();
    for (const d of scores.dimensions) for (const q of d.questions) statuses.set(q.id, q.status);
    compare = {
      data: input.benchmarks,
      firm: { employees: company.employees, region: company.region },
      status: factStatus(def, establishedFacts(def, answers), partlyFacts(def, answers), statuses),
      lang,
      t: translator(lang, input.ui ?? {}),
    };
  }

  const dimensions: DimensionResult[] = def.dimensions.map((dimension, i) => {
    const score = scores.dimensions[i]!;
    const compared = compare ? dimensionBenchmarks(dimension.id, compare) : { shown: [], withheld: [] };
    const result: DimensionResult = {
      id: dimension.id,
      title: dimension.title[lang],
      weight: dimension.weight,
      score: score.score,
      level: score.level,
      levelName: levelName(score.level),
      counts: score.counts,
      strengths: strengths(dimension, score, lang),
      nextSteps: nextSteps(dimension, score, lang, def.report?.nextSteps),
      benchmarks: compared.shown,
      benchmarksWithheld: compared.withheld,
      questions: dimension.questions.map((q, qi) => {
        const s = score.questions[qi]!;
        const value = answers.answers[q.id];
        const chosen = value === undefined || s.status === 'hidden' ? [] : Array.isArray(value) ? value : [value];
        return {
          id: q.id,
          text: q.text[lang],
          status: s.status,
          answer: chosen.map((id) => q.options.find((o) => o.id === id)!.label[lang]),
          points: s.points,
          maxPoints: s.maxPoints,
          counted: s.counted,
        };
      }),
    };
    const note = answers.notes[dimension.id];
    if (note) result.note = note;
    return result;
  });

  const warnings: AssessmentWarning[] = [];
  const missing = scores.dimensions.reduce((n, d) => n + d.counts.missing, 0);
  if (missing) warnings.push({ code: 'unanswered', params: { count: missing } });
  const dontKnow = scores.dimensions.reduce((n, d) => n + d.counts.dontKnow, 0);
  if (dontKnow) warnings.push({ code: 'dont_know', params: { count: dontKnow } });

  const assessedOn = answers.assessedOn ?? input.today;
  let aids: Assessment['aids'];
  let aidsRuledOut: Assessment['aidsRuledOut'];
  if (input.aids) {
    // Dimensions where nothing applies have no meaningful score: they do not pull aids up.
    const scored = scores.dimensions.filter((d) => d.questions.some((q) => q.counted)).map((d) => ({ id: d.id, score: d.score }));
    const result = matchAids({
      catalogue: input.aids.catalogue,
      profile: aidProfileFromCompany(pack, input.aids.catalogue.settings, answers.company),
      scores: scored,
      date: assessedOn,
      lang,
      legalFormLabels: legalFormLabels(pack, input.aids.catalogue.settings, lang),
    });
    aids = result.matches;
    aidsRuledOut = result.rejections;
    warnings.push(...result.warnings);
  }

  let planPart: Pick<Assessment, 'plan' | 'planDone' | 'calendar' | 'followUp'> = {};
  if (input.plan) {
    const plan = buildPlan({ def, scores, answers, data: input.plan, aids: aids ?? [], assessedOn, lang, entries: answers.plan });
    const followUp = answers.followUp ?? addMonths(assessedOn, input.plan.followUpMonths);
    const aidsClosing = (aids ?? []).flatMap((m) => {
      const until = aidClosing(m);
      return until ? [{ id: m.id, date: until, source: m.url }] : [];
    });
    const calendar = calendarEvents({ plan, data: input.plan, answers, aidsClosing, assessedOn, followUp });
    const planDone = doneActions({ def, scores, entries: answers.plan, lang });
    planPart = { plan, ...(planDone.length ? { planDone } : {}), calendar, followUp };
  }
  const advisor = { ...input.advisor, ...answers.advisor };

  const notes: Record<string, string> = {};
  for (const key of ['profile', 'general']) if (answers.notes[key]) notes[key] = answers.notes[key]!;

  const assessment: Assessment = {
    tool: { name: 'digiscan', version: input.toolVersion },
    questionnaire: { id: def.id, version: def.version, title: def.title[lang] },
    language: lang,
    assessedOn,
    company,
    profile: profileLines(pack, answers, lang),
    overall: { score: scores.overall.score, level: level.level, levelName: level.name[lang], verdict: level.description?.[lang] ?? '' },
    dimensions,
    notes,
    ...(compare ? { digitalIntensity: digitalIntensity(compare) } : {}),
    ...(aids ? { aids } : {}),
    ...(aidsRuledOut ? { aidsRuledOut } : {}),
    ...(input.aids
      ? { aidSettings: { summaryCount: input.aids.catalogue.settings.summaryCount, staleAfterMonths: input.aids.catalogue.settings.staleAfterMonths } }
      : {}),
    ...planPart,
    ...(Object.keys(advisor).length ? { advisor } : {}),
    ...(answers.session ? { session: { type: answers.session.type, ...(answers.session.date ? { date: answers.session.date } : {}) } } : {}),
    warnings,
  };
  return assessment;
}

function companySummary(answers: Answers): CompanySummary {
  const { name, region, employees, ...rest } = answers.company;
  return { name: String(name ?? ''), region: String(region ?? ''), employees: Number(employees ?? 0), ...rest };
}

function profileLines(pack: Pack, answers: Answers, lang: Lang): ProfileLine[] {
  const lines: ProfileLine[] = [];
  for (const q of pack.definition.profile) {
    const value = answers.company[q.id];
    if (value === undefined) continue;
    const option = q.options?.find((o) => o.id === value);
    lines.push({ id: q.id, label: q.label[lang], value, display: option ? option.label[lang] : String(value) });
  }
  return lines;
}
