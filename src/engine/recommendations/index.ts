// Pure: which answers are already the best (strengths) and which changes would raise a score most.
import type { Lang } from '../../core/lang.js';
import type { Dimension } from '../pack/schema.js';
import type { DimensionScore } from '../scoring/index.js';
import type { NextStep } from '../assessment/types.js';

/** Used when the pack does not say (`report.nextSteps` in pack.yaml). */
export const DEFAULT_NEXT_STEPS = 3;

export function nextSteps(dimension: Dimension, score: DimensionScore, lang: Lang, max = DEFAULT_NEXT_STEPS): NextStep[] {
  const counted = score.questions.filter((q) => q.counted);
  const totalWeight = counted.reduce((sum, q) => sum + q.weight, 0);
  if (!totalWeight) return [];
  const steps: NextStep[] = [];
  for (const q of counted) {
    // A question hidden by its gate gets no advice of its own: the gate's advice comes first.
    if (q.status === 'hidden') continue;
    const question = dimension.questions.find((x) => x.id === q.id);
    if (!question?.advice || q.points >= q.maxPoints) continue;
    const gain = ((q.maxPoints - q.points) / q.maxPoints) * (q.weight / totalWeight) * 100;
    steps.push({ questionId: q.id, text: question.advice[lang], status: q.status, gain: Math.round(gain * 10) / 10 });
  }
  // Largest gain first; questionnaire order breaks ties so the output is stable.
  return steps.sort((a, b) => b.gain - a.gain).slice(0, max);
}

export function strengths(dimension: Dimension, score: DimensionScore, lang: Lang): string[] {
  const out: string[] = [];
  for (const q of score.questions) {
    const question = dimension.questions.find((x) => x.id === q.id);
    if (question?.strength && q.status === 'answered' && q.points >= q.maxPoints) out.push(question.strength[lang]);
  }
  return out;
}
