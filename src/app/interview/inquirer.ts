// The terminal prompter: @inquirer/prompts, styled with chalk. Only the interview chunk imports it.
import { checkbox, input, select } from '@inquirer/prompts';
import { Chalk } from 'chalk';
import { visible } from '../../core/sanitize.js';
import { BACK_KEYWORD } from './flow.js';
import type { CheckboxConfig, Context, InputConfig, Prompter, SelectConfig } from './prompter.js';

export interface TerminalPrompterOptions {
  color: boolean;
  output?: NodeJS.WriteStream;
  input?: NodeJS.ReadStream;
}

export function terminalPrompter(options: TerminalPrompterOptions): Prompter {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const output = options.output ?? process.stdout;
  const io = { output, input: options.input ?? process.stdin };
  const write = (text: string) => output.write(`${text}\n`);
  // Show every choice at once: region lists are longer than inquirer's default page of 7.
  const pageSize = (n: number) => Math.max(7, Math.min(n, 20));

  return {
    context(ctx: Context) {
      write('');
      // Pack texts and resumed answers are input: shown with their control characters escaped.
      write(c.bold.cyan(visible(ctx.position)));
      if (ctx.intro) write(visible(ctx.intro));
      if (ctx.help) write(c.dim(visible(ctx.help)));
      if (ctx.hint) write(c.dim(`(${visible(ctx.hint)})`));
      if (ctx.lastTime) write(c.yellow(visible(ctx.lastTime)));
    },
    say(text: string) {
      write(text);
    },
    select<V>(config: SelectConfig<V>) {
      return select<V>(
        {
          message: visible(config.message),
          choices: config.choices.map((ch) => ({ value: ch.value, name: visible(ch.name), ...(ch.description ? { description: visible(ch.description) } : {}) })),
          ...(config.default !== undefined ? { default: config.default } : {}),
          pageSize: pageSize(config.choices.length),
          theme: { style: { keysHelpTip: () => c.dim(config.keys) } },
        },
        io,
      );
    },
    checkbox<V>(config: CheckboxConfig<V>) {
      return checkbox<V>(
        {
          message: visible(config.message),
          choices: config.choices.map((ch) => ({ value: ch.value, name: visible(ch.name), checked: Boolean(ch.checked) })),
          pageSize: pageSize(config.choices.length),
          // "all" and "invert" would tick exclusive options together; the validation would refuse it anyway.
          shortcuts: { all: null, invert: null },
          validate: (picked) => config.validate(picked.map((p) => p.value)),
          theme: { style: { keysHelpTip: () => c.dim(config.keys) } },
        },
        io,
      );
    },
    input(config: InputConfig) {
      return input(
        {
          message: visible(config.message),
          ...(config.default !== undefined ? { default: visible(config.default) } : {}),
          validate: (value) => {
            const verdict = config.validate(value);
            return verdict === true ? true : visible(verdict);
          },
          // The line left on screen after the answer: a dash for "skipped", an arrow for "back".
          transformer: (value, { isFinal }) => {
            if (!isFinal) return value;
            const v = value.trim();
            return v === '' ? '—' : v === BACK_KEYWORD ? '←' : value;
          },
        },
        io,
      );
    },
  };
}

/** Ctrl-C (or a closed input) inside a prompt. */
export function isPromptExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}
