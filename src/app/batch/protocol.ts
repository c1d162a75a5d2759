// Messages between the batch's main thread and its workers (structured-clone safe).
import type { AssessmentData } from '../context.js';
import type { Lang } from '../../core/lang.js';
import type { Pack } from '../../engine/pack/load.js';
import type { Job } from './inputs.js';

export const FORMATS = ['pdf', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface WorkerConfig {
  /** The pack, its aids and barometer figures and the interface strings, read and checked once by the main thread. */
  pack: Pack;
  data: AssessmentData;
  outDir: string;
  formats: Format[];
  lang?: Lang | undefined;
  today: string;
  force: boolean;
}

export type ToWorker = { type: 'job'; job: Job } | { type: 'name'; seq: number; number: number } | { type: 'stop' };

export type FromWorker =
  /** Asks which number to give a report whose company-and-date name is `base` (1 = first of that name). */
  | { type: 'claim'; seq: number; base: string }
  | { type: 'done'; seq: number; row: string[]; levels: number[]; scores: number[] }
  | { type: 'failed'; seq: number; message: string };
