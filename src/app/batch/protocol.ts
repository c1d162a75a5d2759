// Messages between the batch's main thread and its workers (structured-clone safe).
import type { AssessmentData } from '../context.js';
import type { Lang } from '../../core/lang.js';
import type { Pack } from '../../engine/pack/load.js';
import type { Job } from './inputs.js';
import type { FirmResult } from './summary.js';

export const FORMATS = ['pdf', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface WorkerConfig {
  /** The pack, its aids and barometer figures and the interface strings, read and checked once by the main thread. */
  pack: Pack;
  data: AssessmentData;
  outDir: string;
  formats: Format[];
  lang?: Lang | undefined;
  /** The run's language (--lang or the locale), for messages. */
  uiLang: Lang;
  today: string;
  force: boolean;
  /** Keep the reports of firms already complete in outDir. */
  resume: boolean;
  /** Return each firm's calendar events (batch --calendar). */
  calendar?: boolean;
}

export type ToWorker = { type: 'job'; job: Job } | { type: 'name'; seq: number; number: number } | { type: 'stop' };

export type FromWorker =
  /** Asks which number to give a report whose company-and-date name is `base` (1 = first of that name). */
  | { type: 'claim'; seq: number; base: string }
  | { type: 'done'; seq: number; result: FirmResult }
  | { type: 'failed'; seq: number; message: string };
