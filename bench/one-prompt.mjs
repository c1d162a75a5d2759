// The floor of the first-prompt figure (bench/startup.mjs): a script that shows one select prompt
// of the same library the interview uses, and nothing else.
import { select } from '@inquirer/prompts';

await select({ message: 'Language', choices: [{ value: 'fr', name: 'Français' }, { value: 'nl', name: 'Nederlands' }, { value: 'en', name: 'English' }] });
