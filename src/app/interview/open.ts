// At the end of an interview on a desktop, offer to open the PDF report in the system's viewer.
import type { Translate } from '../../i18n/ui.js';
import type { Prompter } from './prompter.js';

/** A desktop terminal: a person at the keyboard, a graphical session, not CI. */
export function isDesktop(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return false;
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false') return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export async function offerToOpen(file: string, prompter: Prompter, t: Translate, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!isDesktop(env)) return;
  const open = await prompter.select({
    message: t('interview.open_pdf'),
    choices: [
      { value: true, name: t('interview.open_pdf.yes') },
      { value: false, name: t('interview.open_pdf.no') },
    ],
    default: true,
    keys: t('interview.keys.select'),
  });
  if (!open) return;
  const [cmd, args] = process.platform === 'darwin' ? ['open', [file]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', file]] : ['xdg-open', [file]];
  try {
    // Loaded here, at the very end: node:child_process costs ~1.5 ms to load at the first screen.
    const { spawn } = await import('node:child_process');
    // The viewer lives on its own: detached, no shared terminal, not waited for.
    const child = spawn(cmd as string, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No viewer: the path was printed above.
  }
}
