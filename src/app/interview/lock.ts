// One interview at a time on an answers file: the lock beside it, and what to offer when another
// interview (or a crashed one, on another computer) holds it.
import { acquireLock, type LockHolder } from '../../io/lock.js';
import { visibleInline } from '../../core/sanitize.js';
import type { Translate } from '../../i18n/ui.js';
import type { Prompter } from './prompter.js';

export type Hold = { kind: 'held'; release: () => void; waited: boolean } | { kind: 'read-only' } | { kind: 'quit' };

const POLL_MS = 500;

/** Takes the lock of `file`; while another interview holds it, offers to wait, open it read-only or quit. */
export async function holdAnswersFile(file: string, prompter: Prompter, t: Translate): Promise<Hold> {
  let waited = false;
  for (;;) {
    const lock = acquireLock(file);
    if (lock.held) {
      if (lock.tookOver) prompter.say(t('interview.lock.taken_over', holderParams(lock.tookOver)));
      return { kind: 'held', release: lock.release, waited };
    }
    const who = lock.holder ? t('interview.lock.holder', holderParams(lock.holder)) : t('interview.lock.holder_unknown');
    const choice = await prompter.select<'wait' | 'read-only' | 'quit'>({
      message: t('interview.lock.message', { file: visibleInline(file), who }),
      choices: [
        { value: 'wait', name: t('interview.lock.wait') },
        { value: 'read-only', name: t('interview.lock.read_only') },
        { value: 'quit', name: t('interview.lock.quit') },
      ],
      default: 'wait',
      keys: t('interview.keys.select'),
    });
    if (choice !== 'wait') return { kind: choice };
    prompter.say(t('interview.lock.waiting'));
    waited = true;
    // Until the other interview ends (its lock disappears) or its process is found gone.
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const again = acquireLock(file);
      if (again.held) {
        if (again.tookOver) prompter.say(t('interview.lock.taken_over', holderParams(again.tookOver)));
        return { kind: 'held', release: again.release, waited };
      }
    }
  }
}

function holderParams(h: LockHolder): Record<string, string | number> {
  return { pid: h.pid, host: visibleInline(h.host), since: visibleInline(h.since.slice(0, 16).replace('T', ' ')) };
}
