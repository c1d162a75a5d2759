// What the interview needs from a terminal. The real one wraps @inquirer/prompts (inquirer.ts);
// tests pass a scripted one, so the flow is tested without a terminal.

export interface Choice<V> {
  value: V;
  name: string;
  /** select only: a line shown under the list while this choice is highlighted. */
  description?: string;
  /** checkbox only: ticked when the prompt opens. */
  checked?: boolean;
}

export interface SelectConfig<V> {
  message: string;
  choices: Choice<V>[];
  default?: V;
  /** The one-line key help shown under the choices, already translated. */
  keys: string;
}

export interface CheckboxConfig<V> {
  message: string;
  choices: Choice<V>[];
  keys: string;
  validate: (values: V[]) => true | string;
}

export interface InputConfig {
  message: string;
  default?: string;
  validate: (value: string) => true | string;
}

/** The lines shown above a prompt: where the person is, the question's help, the keys that work. */
export interface Context {
  position: string;
  intro?: string;
  help?: string;
  hint?: string;
  /** A re-assessment's earlier answer, already worded ("last time: …"). */
  lastTime?: string;
}

export interface Prompter {
  select<V>(config: SelectConfig<V>): Promise<V>;
  checkbox<V>(config: CheckboxConfig<V>): Promise<V[]>;
  input(config: InputConfig): Promise<string>;
  context(context: Context): void;
  /** A plain message between prompts (saving, resuming, ...). */
  say(text: string): void;
}
