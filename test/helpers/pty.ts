import { stripVTControlCharacters } from 'node:util';
import { spawn, type IPty } from 'node-pty';
import { BIN, ROOT } from './cli.js';

/**
 * The built command in a pseudo-terminal, driven as a person would: wait for text on the screen,
 * then press keys. Waits are on screen content, never on fixed delays.
 */
export class Terminal {
  private raw = '';
  private mark = 0;
  private readonly waiters = new Set<() => void>();
  readonly pty: IPty;
  readonly exited: Promise<{ exitCode: number; signal?: number | undefined }>;

  constructor(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
    const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_MESSAGES: undefined, LANGUAGE: undefined, NO_COLOR: '1', TERM: 'xterm-256color', CI: undefined, DISPLAY: undefined, WAYLAND_DISPLAY: undefined, npm_command: undefined, npm_execpath: undefined, ...options.env };
    this.pty = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      cols: 250,
      rows: 50,
      env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
    });
    this.pty.onData((data) => {
      this.raw += data;
      for (const wake of this.waiters) wake();
    });
    this.exited = new Promise((resolve) => this.pty.onExit(resolve));
  }

  /** Everything shown after the mark, without escape sequences. */
  get fresh(): string {
    return this.all.slice(this.mark);
  }

  get all(): string {
    return clean(this.raw);
  }

  /**
   * Later waits only look at what follows this match (of a `waitFor`). Marking "everything so far"
   * instead would race: the next prompt may arrive in the same chunk as the text waited for.
   */
  after(match: RegExpMatchArray): void {
    this.mark += match.index! + match[0].length;
  }

  /** Resolves with the match once the fresh output matches `pattern`. */
  waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = this.fresh.match(pattern);
        if (!match) return false;
        this.waiters.delete(wake);
        clearTimeout(timer);
        resolve(match);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`timed out waiting for ${pattern}; screen ends with:\n${this.fresh.slice(-1500)}`));
      }, timeoutMs);
      this.waiters.add(wake);
      check();
    });
  }

  press(keys: string): void {
    this.pty.write(keys);
  }
}

function clean(text: string): string {
  return stripVTControlCharacters(text).replace(/\r/g, '');
}

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', space: ' ', ctrlC: '\x03' };
