import type { CheckboxConfig, Choice, Context, InputConfig, Prompter, SelectConfig } from '../../src/app/interview/prompter.js';

export type Prompt =
  | { kind: 'select'; config: SelectConfig<unknown>; context: Context | undefined }
  | { kind: 'checkbox'; config: CheckboxConfig<unknown>; context: Context | undefined }
  | { kind: 'input'; config: InputConfig; context: Context | undefined };

/** What a scripted person does at one prompt: a choice's visible name, ticked names, or typed text. */
export type Act = { pick: string } | { tick: string[] } | { type: string } | { enter: true };

/**
 * A prompter that plays a script, as a person would: picks choices by their visible name, types
 * text, and like a terminal prompt keeps asking while the validation refuses the answer.
 */
export class ScriptedPrompter implements Prompter {
  readonly prompts: Prompt[] = [];
  readonly errors: string[] = [];
  readonly said: string[] = [];
  private pending: Context | undefined;
  private readonly script: Act[];

  constructor(script: Act[]) {
    this.script = [...script];
  }

  get remaining(): number {
    return this.script.length;
  }

  context(context: Context): void {
    this.pending = context;
  }

  say(text: string): void {
    this.said.push(text);
  }

  private next(prompt: Prompt): Act {
    this.prompts.push(prompt);
    this.pending = undefined;
    const act = this.script.shift();
    if (!act) throw new Error(`script ran out at "${prompt.config.message}"`);
    return act;
  }

  async select<V>(config: SelectConfig<V>): Promise<V> {
    const act = this.next({ kind: 'select', config: config as SelectConfig<unknown>, context: this.pending });
    if ('enter' in act) return config.default !== undefined ? config.default : config.choices[0]!.value;
    if (!('pick' in act)) throw new Error(`expected a pick at select "${config.message}", got ${JSON.stringify(act)}`);
    return find(config.choices, act.pick, config.message).value;
  }

  async checkbox<V>(config: CheckboxConfig<V>): Promise<V[]> {
    const context = this.pending;
    for (;;) {
      const act = this.next({ kind: 'checkbox', config: config as CheckboxConfig<unknown>, context });
      let values: V[];
      if ('enter' in act) values = config.choices.filter((c) => c.checked).map((c) => c.value);
      else if ('tick' in act) values = act.tick.map((name) => find(config.choices, name, config.message).value);
      else throw new Error(`expected ticks at checkbox "${config.message}", got ${JSON.stringify(act)}`);
      const verdict = config.validate(values);
      if (verdict === true) return values;
      this.errors.push(verdict);
    }
  }

  async input(config: InputConfig): Promise<string> {
    const context = this.pending;
    for (;;) {
      const act = this.next({ kind: 'input', config, context });
      let value: string;
      if ('enter' in act) value = config.default ?? '';
      else if ('type' in act) value = act.type;
      else throw new Error(`expected typing at input "${config.message}", got ${JSON.stringify(act)}`);
      const verdict = config.validate(value);
      if (verdict === true) return value;
      this.errors.push(verdict);
    }
  }
}

function find<V>(choices: Choice<V>[], name: string, message: string): Choice<V> {
  const choice = choices.find((c) => c.name === name);
  if (!choice) throw new Error(`no choice "${name}" at "${message}" (have: ${choices.map((c) => c.name).join(' | ')})`);
  return choice;
}

export const pick = (name: string): Act => ({ pick: name });
export const tick = (...names: string[]): Act => ({ tick: names });
export const type = (text: string): Act => ({ type: text });
export const enter: Act = { enter: true };
