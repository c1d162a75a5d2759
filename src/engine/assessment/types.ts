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
  funding?: { aid: string; applyBefore: boolean | null };
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

/** One public aid matched to the firm, with everything the report must show beside it. */
export interface AidMatch {
  id: string;
  name: string;
  /** Region code of the aid: BE-BRU, BE-WAL, BE-VLG, BE-FED, FR, FR-BRE, ... */
  region: string;
  regionName: string;
  themes: string[];
  /** Only open aids are matched: active, or call-based (check that a call is open). */
  status: 'active' | 'call-based';
  /** As the catalogue words it, e.g. "25–70%"; an unverified term says so. */
  rate: string;
  cap: string;
  /** Numbers behind rate and cap when the catalogue has them (percent, deduction percent or flat EUR). */
  rateValue?: { unit: 'percent' | 'deduction' | 'flat'; min: number; max: number };
  capAmount?: number;
  /** null when no public link was found (secondary sources only). */
  url: string | null;
  /** Date the facts were checked (YYYY, YYYY-MM or YYYY-MM-DD); null when the source is undated. */
  asOf: string | null;
  confidence: 'official' | 'secondary' | 'unverified';
  /** true: apply before you start spending; false: may apply after; null: not applicable or unknown. */
  applyBefore: boolean | null;
  /** Conditions the profile cannot check, to confirm with the provider or administration. */
  conditions: string[];
  /** Why it matches ("operating seat in Brussels ✓", ...); "?" marks what could not be checked. */
  reasons: string[];
  /** Terms the research marks unverified, to show as such. */
  unverified: string[];
  /** Dimension ids whose weakness this aid addresses, weakest first. */
  fits: string[];
  /** An estimated amount for a typical project, only when computed from the catalogue's rate and cap. */
  estimate?: { amount: number; minAmount?: number; basis: string };
  /** The research's caveats, in the report language. */
  caveats: string[];
}

/** An aid the firm cannot use on the assessment date, with the reasons (shown by `aids --explain`). */
export interface AidRejection {
  id: string;
  name: string;
  region: string;
  status: 'active' | 'call-based' | 'closed' | 'legacy' | 'proposal';
  reasons: string[];
}
