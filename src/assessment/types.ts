// The Assessment is the one contract between the pure core and every renderer:
// `--json` prints exactly this object, and the terminal, CSV and PDF renderers only read it.
import type { Lang } from '../core/lang.js';
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
  warnings: AssessmentWarning[];
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
  benchmarks: BenchmarkComparison[];
  note?: string;
  questions: AnsweredQuestion[];
}

export interface NextStep {
  questionId: string;
  text: string;
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
}

/** A barometer figure set beside what this firm does. */
export interface BenchmarkComparison {
  id: string;
  indicator: string;
  /** Share of firms, in percent. */
  value: number;
  year: number;
  population: string;
  source: string;
  /** Whether this firm does it (null when the answers cannot tell). */
  company: boolean | null;
}
