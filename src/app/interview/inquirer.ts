// The terminal prompter: @inquirer/prompts, styled with node:util (style.ts). Only the interview chunk imports it.
import { checkbox, input, select } from '@inquirer/prompts';
import { visible } from '../../core/sanitize.js';
import { BACK_KEYWORD } from './flow.js';
import { interviewStyles } from './style.js';
import type { CheckboxConfig, Context, InputConfig, Prompter, SelectConfig } from './prompter.js';

export interface TerminalPrompterOptions {
  color: boolean;
  output?: NodeJS.WriteStream;
  input?: NodeJS.ReadStream;
}

export function terminalPrompter(options: TerminalPrompterOptions): Prompter {
  const c = interviewStyles(options.color);
  const output = options.output ?? process.stdout;
  const io = { output, input: options.input ?? process.stdin };
  const write = (text: string) => output.write(`${text}\n`);
  const columns = () => Math.max(20, (output.columns || 80) - 1);
  const wrap = (text: string, indent = 0) => wrapText(text, columns() - indent);
  // Show every choice at once: region lists are longer than inquirer's default page of 7.
  const pageSize = (n: number) => Math.max(7, Math.min(n, 20));

  return {
    context(ctx: Context) {
      write('');
      // Pack texts and resumed answers are input: shown with their control characters escaped, folded at spaces.
      write(c.heading(wrap(visible(ctx.position))));
      if (ctx.intro) write(wrap(visible(ctx.intro)));
      if (ctx.help) write(c.dim(wrap(visible(ctx.help))));
      if (ctx.hint) write(c.dim(wrap(`(${visible(ctx.hint)})`)));
      if (ctx.lastTime) write(c.yellow(wrap(visible(ctx.lastTime))));
    },
    say(text: string) {
      // Not folded: messages may hold a command or a path to copy whole.
      write(text);
    },
    select<V>(config: SelectConfig<V>) {
      return select<V>(
        {
          message: wrap(visible(config.message), 2),
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
          message: wrap(visible(config.message), 2),
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
          message: wrap(visible(config.message), 2),
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

/**
 * Text folded at spaces to `width` columns. Only ordinary spaces break a line: the no-break spaces
 * French puts before ":" or "?" (U+00A0, U+202F) keep the sign with its word. A word longer than the
 * line stays whole.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current === '') current = word;
        else if ([...current].length + 1 + [...word].length <= width) current += ` ${word}`;
        else {
          out.push(current);
          current = word;
        }
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** Ctrl-C (or a closed input) inside a prompt. */
export function isPromptExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}
