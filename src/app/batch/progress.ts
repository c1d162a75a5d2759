// Progress of a batch: an ora spinner on a terminal; elsewhere (CI, pipes) a plain line at each
// tenth of the way, so a thousand files do not make a thousand lines.
import type { Translate } from '../../i18n/ui.js';

export interface Progress {
  tick(failed: boolean): void;
  /** One firm fewer than counted (a row of a form export whose header is unusable). */
  uncount(): void;
  stop(): void;
}

export async function startProgress(total: number, t: Translate, stream: NodeJS.WriteStream = process.stderr): Promise<Progress> {
  let done = 0;
  let failed = 0;
  const text = () => t('batch.progress', { done, total: Math.max(total, done), failed });
  if (stream.isTTY && process.env.TERM !== 'dumb') {
    const { default: ora } = await import('ora');
    const spinner = ora({ text: text(), stream }).start();
    return {
      tick(isFailure) {
        done++;
        if (isFailure) failed++;
        spinner.text = text();
      },
      uncount() {
        total--;
        spinner.text = text();
      },
      stop() {
        if (failed) spinner.warn(text());
        else spinner.succeed(text());
      },
    };
  }
  let shownTenth = 0;
  return {
    tick(isFailure) {
      done++;
      if (isFailure) failed++;
      const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
      if (tenth > shownTenth && done < total) {
        shownTenth = tenth;
        stream.write(`digiscan: ${text()}\n`);
      }
    },
    uncount() {
      total--;
    },
    stop() {
      stream.write(`digiscan: ${text()}\n`);
    },
  };
}
