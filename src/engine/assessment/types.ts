// The Assessment is the one contract between the pure core and every renderer:
// `--json` prints exactly this object, and the terminal, CSV and PDF renderers only read it.
import type { Lang } from '../../core/lang.js';
import type { QuestionStatus } from '../scoring/index.js';

export interface Assessment {
  tool: { name: string; version: string };
  questionnaire: { id: string; version: string; title: string };
  language: Lang;
  /** The day the assessment refers to (YYYY-MM-DD): aids and warnings are judged on it. */
  assessedOn: string;
  company: CompanySummary;
  /** Profile answers, labelled in the report language, in questionnaire order. */
  profile: ProfileLine[];
  overall: { score: number; level: number; levelName: string; verdict: string };
  dimensions: DimensionResult[];
  /** Advisor notes not tied to one dimension (keys "profile" and "general"). */
  notes: Record<string, string>;
  /** Eurostat-style Digital Intensity Index (filled by the benchmarks stage). */
  digitalIntensity?: DigitalIntensity;
  /** Public aids this firm is eligible for, best fit first (filled by the aids stage). */
  aids?: AidMatch[];
  /** The aids ruled out, with their reason records (for the advisor edition). */
  aidsRuledOut?: AidRejection[];
  /** From aids.yaml settings: how many aids a summary shows, and the staleness limit the aids were judged by. */
  aidSettings?: { summaryCount: number; staleAfterMonths: number };
  /** The action plan across the dimensions, lane by lane, most urgent first (filled from the pack's plan.yaml). */
  plan?: PlanAction[];
  /** Actions the answers file's `plan:` lists that are now done: their question has its best answer. */
  planDone?: { id: string; dimension: string; text: string; owner?: string }[];
  /** Dated events after the assessment date: plan targets, legal deadlines, aid windows that close, the follow-up. */
  calendar?: CalendarEvent[];
  /** The follow-up review (YYYY-MM-DD): `followUp` of the answers, else the pack's default months after the assessment. */
  followUp?: string;
  /** Who runs the session (answers `advisor:` or --advisor-profile). */
  advisor?: AdvisorIdentity;
  /** How the assessment was taken. */
  session?: SessionRecord;
  warnings: AssessmentWarning[];
}

export type PlanLane = 'now' | 'next' | 'later';
export type PlanStatus = 'planned' | 'in-progress' | 'done' | 'dropped';

/** One action of the plan: a piece of the pack's advice, why it matters, what it costs and who pays. */
export interface PlanAction {
  /** The question id the advice belongs to (stable across runs: the key of `plan:` in the answers). */
  id: string;
  lane: PlanLane;
  dimension: string;
  /** The pack's advice, in the report language. */
  text: string;
  /** Points the overall index would gain with the best answer. */
  gain: number;
  /** Points this dimension's score would gain. */
  dimensionGain: number;
  effort: 'low' | 'medium' | 'high';
  /** The firm's answer was "don't know": the action starts with checking. */
  dontKnow: boolean;
  /** The legal duty that makes it urgent, when it concerns this firm. */
  legal?: { id: string; since: string; inForce: boolean; source: string; confidence: 'official' | 'secondary' | 'unverified'; note?: string };
  /** What it costs (EUR, excl. VAT), only where the pack states a basis; null: no estimate. */
  cost: { min: number; max: number; currency: 'EUR'; estimate: boolean; basis: string; source: string } | null;
  /** Ids of the matched aids that address this action's dimension, best fit first. */
  aids: string[];
  /** Cost left to the firm after the best aid (rate × cost within the cap); null when cost, rate or cap is unknown. */
  netCost: { min: number; max: number; currency: 'EUR' } | null;
  /** The aid the net cost is computed with, and whether it must be applied for before spending. */
  funding?: { aid: string; strand: string; applyBefore: boolean | null };
  owner?: string;
  due?: string;
  status?: PlanStatus;
}

export interface CalendarEvent {
  kind: 'action' | 'deadline' | 'aid-closes' | 'follow-up';
  /** The action, deadline or aid id (none for the follow-up). */
  ref?: string;
  date: string;
  source?: string;
}

export interface AdvisorIdentity {
  name?: string;
  organisation?: string;
  email?: string;
  phone?: string;
  /** PNG or JPEG file shown on the cover. */
  logo?: string;
}

export interface SessionRecord {
  type: 'self-assessment' | 'facilitated' | 'test-run';
  date?: string;
}

/** Something the reader should know; renderers word it from ui.yaml key `warning.<code>`. */
export interface AssessmentWarning {
  code: string;
  params: Record<string, string | number>;
}

export interface CompanySummary {
  name: string;
  region: string;
  employees: number;
  [field: string]: string | number;
}

export interface ProfileLine {
  id: string;
  label: string;
  value: string | number;
  display: string;
}

export interface DimensionResult {
  id: string;
  title: string;
  weight: number;
  score: number;
  level: number;
  levelName: string;
  counts: Record<QuestionStatus, number>;
  /** What the firm already does well (best answers), in the report language. */
  strengths: string[];
  /** The steps that would raise this score most, best first (at most three). */
  nextSteps: NextStep[];
  /** Barometer figures shown to the client: only citable ones (README, source policy). */
  benchmarks: BenchmarkComparison[];
  /** Figures of this dimension the source policy keeps out of the client report, with their curation notes (advisor edition). */
  benchmarksWithheld: BenchmarkComparison[];
  note?: string;
  questions: AnsweredQuestion[];
}

export interface NextStep {
  questionId: string;
  /** The question's advice, in the report language. */
  text: string;
  /** How the question was answered: "dontKnow" and "missing" steps are worded as "check first". */
  status: QuestionStatus;
  /** Points this dimension's score would gain with the best answer. */
  gain: number;
}

export interface AnsweredQuestion {
  id: string;
  text: string;
  status: QuestionStatus;
  /** Labels of the chosen options (empty when unanswered or hidden). */
  answer: string[];
  points: number;
  maxPoints: number;
  /** Whether the question counts in the score: false for "not applicable" and for questions not asked whose gate excludes them. */
  counted: boolean;
}

/** Whether the firm does a practice: "partly" for a partial answer ("MFA on some accounts"); unknown for "don't know" or no answer. */
export type PracticeStatus = 'yes' | 'partly' | 'no' | 'unknown';

/** Kinds of publisher (benchmarks.yaml); only the first four are shown to a client. */
export type PublisherKind = 'administration' | 'statistical-office' | 'eu-institution' | 'regional-agency' | 'other';

/** A research note about a figure, for the advisor edition and JSON readers; never printed in the client report. */
export interface CurationNoteOut {
  /** unverified · page-not-found · sources-disagree · rolling-page (a page the publisher overwrites) · secondary-only · outdated */
  kind: 'unverified' | 'page-not-found' | 'sources-disagree' | 'rolling-page' | 'secondary-only' | 'outdated';
  /** What the research found, in the report language. */
  note: string;
}

/**
 * A barometer figure set beside what this firm does: a practice compared as a practice ("you: partly"
 * against "share of firms like yours that do it"). Data only: renderers word the status, the fallback
 * and the source line from these fields.
 */
export interface BenchmarkComparison {
  id: string;
  /** The fact (pack.yaml option facts) the figure measures. */
  fact: string;
  /** A heading for the figure, a full phrase in the report language ("Firms with a website"). */
  title: string;
  /** What the firms do, worded to follow the population ("have a website"). */
  indicator: string;
  /** Share of firms, in percent (for `approximate` figures, the share the wording rounds to). */
  value: number;
  /** The source's own wording when it gives no exact share ("almost 9 in 10"): print this, not `value`. */
  approximate?: string;
  /** A policy target rather than a measured share (`year` is then the target year). */
  target?: boolean;
  /** The year the figure describes. */
  year: number;
  /** Key of the population in benchmarks.yaml, its label in the report language (always print it next to the figure), size class and region code. */
  populationId: string;
  population: string;
  sizeClass: { min: number; max: number | null };
  populationRegion: string;
  /** The address of the page the figure was read on. */
  source: string;
  /** Who published the figure, and the newspaper or official text it was read through when no official copy could be read. */
  publisher: { name: string; kind: PublisherKind; via?: { name: string; kind: 'newspaper' | 'parliament' | 'administration' | 'other' } };
  /** Dataset code (e.g. isoc_eb_ai) where there is one. */
  dataset?: string;
  /** The date the source page states (YYYY, YYYY-MM or YYYY-MM-DD). */
  asOf?: string;
  /** official: read on the publisher's page; secondary: read through `publisher.via`; unverified: never in the client report. */
  confidence: 'official' | 'secondary' | 'unverified';
  /** A fact the client needs to read the figure right (in the report language). */
  context?: string;
  /** Research notes for the advisor (what was not verified, disagreeing sources, pages not found); empty when none. */
  curation: CurationNoteOut[];
  /** Whether this firm does it. */
  company: PracticeStatus;
  /** Set when no figure covers the firm's size class (size) or country (region: an EU-wide figure): the closest population, `population`, was used. Renderers say it once per section. */
  fallback?: { size: boolean; region: boolean; population: string };
  /** For the share of firms at the firm's own digital-intensity level: that level. */
  level?: 'very-low' | 'low' | 'high' | 'very-high';
}

/** Eurostat Digital Intensity Index: how many of the survey technologies the firm uses. */
export interface DigitalIntensity {
  /** Criteria met (criteria the answers cannot tell count as not met, as a lower bound). */
  count: number;
  /** The number of criteria in the index (12). */
  max: number;
  /** Criteria the answers cannot tell (not asked, "don't know", or only partly asked). */
  unknown: number;
  /** Eurostat band of `count`, from `bands`. */
  level: 'very-low' | 'low' | 'high' | 'very-high';
  levelName: string;
  /** The lowest count of each band and the count of the "basic level" (from benchmarks.yaml). */
  bands: { level: 'very-low' | 'low' | 'high' | 'very-high'; min: number }[];
  basicMin: number;
  /** At least a basic level (count ≥ basicMin), the Digital Decade 2030 yardstick. */
  basic: boolean;
  /** Survey year whose criteria are used, and where the definition is described. */
  definitionYear: number;
  source: string;
  publisher: BenchmarkComparison['publisher'];
  criteria: DigitalIntensityCriterion[];
  /** Shares of SMEs at basic level, the 2030 target and the share at this level: the citable ones. */
  comparisons: BenchmarkComparison[];
  /** The same kind of figures that the source policy keeps out of the client report (advisor edition). */
  withheld: BenchmarkComparison[];
}

export interface DigitalIntensityCriterion {
  id: string;
  label: string;
  /** null when the questionnaire cannot tell. */
  met: boolean | null;
  /** Whether the cited source confirms this variable belongs to the index of `definitionYear`. */
  verified: boolean;
  /** How the questionnaire approximates the Eurostat variable, when it does. */
  approximation?: string;
}

/** How sure the research is of a fact: an official page, only secondary sources, or not verified. */
export type AidConfidence = 'official' | 'secondary' | 'unverified';

/**
 * One rule of an aid checked against the firm, as data: renderers word it from `aids.rule.<rule>`.
 * - region: `value` (the firm's region code), `regions` (allowed codes), `regionName`
 * - established: `value`, `country` (national measures: "established in Belgium")
 * - size: `test` (sizeRules id), `testName`, `exceeded` (criteria over their limit: staff, turnover, balanceSheet),
 *   `group` (true when linked enterprises were counted), `source` (legal text url)
 * - minEmployees / maxEmployees / maxTurnover: `limit` (and `limitMax` when sources disagree), `value`
 *   (or `valueMin`/`valueMax` for a band; `valueMax` null: no upper bound)
 * - b2c: `value` (true, false or absent)
 * - nace: `value` (the firm's code), `codes`, `sector` (the excluded sector's name)
 * - legalForm: `value` (legal_form id), `formLabel`, `excluded` (ids), `excludedLabels`
 * - status: `status`, `replacedBy`, `replacedByName`, `proposal`; window: `from`, `until`, `date`; theme: `themes`
 * `missing` names the profile facts that would decide a "to-check" (turnover, balanceSheet, group, groupEmployees,
 * b2c, nace, legalForm).
 */
export interface AidReason {
  rule: 'region' | 'established' | 'size' | 'minEmployees' | 'maxEmployees' | 'maxTurnover' | 'b2c' | 'nace' | 'legalForm' | 'status' | 'window' | 'theme';
  outcome: 'met' | 'not-met' | 'to-check';
  confidence: AidConfidence;
  [param: string]: string | number | boolean | null | string[];
}

/** Numbers behind a rate: percent of costs, tax-deduction percent, or a flat amount in EUR. */
export interface AidRateValue {
  unit: 'percent' | 'deduction' | 'flat';
  min: number;
  max: number;
}

/**
 * One strand of an aid (a kind of spend with its own terms) the firm qualifies for. For the net cost after
 * aid: `rateValue` (percent of the eligible cost, min–max; for `bySize` rates already narrowed to the firm's
 * size when it is known) and `capAmount` (highest aid in EUR, `capMin` the lowest local variant, per `capPer`);
 * both null when the research does not know them.
 */
export interface AidStrandMatch {
  id: string;
  name: string;
  spend: ('advice' | 'training' | 'investment' | 'software' | 'website' | 'audit')[];
  themes: string[];
  status: 'open' | 'call-based' | 'to-confirm';
  rateValue: AidRateValue | null;
  rateText: string;
  rateConfidence: AidConfidence;
  capAmount: number | null;
  capMin: number | null;
  capPer: 'year' | '3-years' | 'project' | 'company' | null;
  capText: string;
  capConfidence: AidConfidence;
  eligibleSpend: { min: number | null; max: number | null } | null;
  /** true: apply before you start spending; false: may apply after; null: not applicable or unknown. */
  applyBefore: boolean | null;
  validFrom: string | null;
  validUntil: string | null;
  asOf: string | null;
  stale: boolean;
  /** Every rule of the strand with its outcome. */
  reasons: AidReason[];
  /** An estimated aid for the eligible-spend range the sources give, from a single sure rate and cap. */
  estimate?: AidEstimate;
}

export interface AidEstimate {
  amount: number;
  minAmount?: number;
  rate: number;
  cap: number;
  spendMin?: number;
  spendMax?: number;
}

/** One public aid matched to the firm, with everything the report must show beside it. */
export interface AidMatch {
  id: string;
  /** The official name as people search for it (KMO-portefeuille in every language). */
  name: string;
  /** A translation to show beside an official name in another language, when there is one. */
  translation: string | null;
  /** Region code of the aid: BE-BRU, BE-WAL, BE-VLG, BE-FED, FR, FR-BRE, ... */
  region: string;
  regionName: string;
  themes: string[];
  /** The best status among the strands offered: open, call-based (a call must be open), to-confirm. */
  status: 'open' | 'call-based' | 'to-confirm';
  statusConfidence: AidConfidence;
  /** Headline rate of the strands offered (highest percent or deduction percent); null when unknown or flat. */
  rate: number | null;
  rateValue: AidRateValue | null;
  /** Highest cap (EUR) of the strands offered; null when unknown. `capAmount` is the same number. */
  cap: number | null;
  capAmount: number | null;
  rateText: string;
  capText: string;
  /** The official page in the report language where one exists; null when no public link was found. */
  url: string | null;
  /** Date the facts were checked (YYYY, YYYY-MM or YYYY-MM-DD); null when the source is undated. */
  asOf: string | null;
  /** Whole months between asOf and the assessment date (null when undated). */
  ageMonths: number | null;
  /** Facts older than the catalogue's staleness limit on the assessment date, or undated. */
  stale: boolean;
  confidence: AidConfidence;
  applyBefore: boolean | null;
  /** Conditions the profile cannot check, to confirm with the provider or administration. */
  conditions: { text: string; confidence: AidConfidence }[];
  /** Status note from the data (e.g. how calls work), in the report language. */
  statusNote: string | null;
  /** The rules every strand offered shares, with their outcomes. */
  reasons: AidReason[];
  /** Strands the firm qualifies for, each with its own reasons. */
  strands: AidStrandMatch[];
  /** Term ids the research marks unverified (status, rate, cap, maxEmployees, theme:<id>, conditions, ...). */
  unverified: string[];
  /** true when some term is unverified or the status is to-confirm: the client is told to confirm the terms. */
  confirmTerms: boolean;
  /** Dimension ids whose weakness this aid addresses, weakest first. */
  fits: string[];
  /** An estimated amount for a typical project (the first strand that has one). */
  estimate?: AidEstimate;
  /** Research notes and sources for the advisor edition (never shown to a client). */
  caveats: string[];
  sources: { url: string | null; publisher: string; date: string | null; confidence: AidConfidence; about?: string }[];
}

/** An aid the firm cannot use on the assessment date, with the reasons (aids --explain, advisor edition). */
export interface AidRejection {
  id: string;
  name: string;
  region: string;
  status: 'open' | 'call-based' | 'to-confirm' | 'closed';
  /** The rules that rule it out (outcome not-met), from the strand that came closest. */
  reasons: AidReason[];
  /** Each strand with its failing rules. */
  strands: { id: string; name: string; reasons: AidReason[] }[];
}
