import { dirname, resolve } from 'node:path';
import type { Answers } from '../engine/answers/load.js';
import { readLogo, type AdvisorProfile } from '../io/load.js';

/** The logo's bytes: the answers file's own (relative to it) wins over the profile's. */
export function advisorLogo(answers: Answers, answersFile: string, profile: AdvisorProfile | undefined, profileFile: string | undefined): Buffer | undefined {
  if (answers.advisor?.logo) return readLogo(resolve(dirname(resolve(answersFile)), answers.advisor.logo), answersFile);
  if (profile?.logo) return readLogo(profile.logo, profileFile);
  return undefined;
}
