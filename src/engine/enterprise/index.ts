// Pure: the enterprise number that identifies a firm across assessments. Belgium: the BCE/KBO number,
// ten digits whose last two are 97 minus the first eight modulo 97. France: the SIREN, nine digits
// with a Luhn check digit. The number pairs the files of one firm (re-assessments, hub batches).

export type EnterpriseCountry = 'BE' | 'FR';

export type EnterpriseNumberCheck =
  | { ok: true; country: EnterpriseCountry; digits: string; /** As it is usually written: 0123.456.749, 732 829 320. */ formatted: string; /** Country and digits, for pairing: BE0123456749. */ key: string }
  | { ok: false; problem: 'form' | 'checksum'; country?: EnterpriseCountry };

/**
 * Reads a typed number: "0123.456.749", "BE 0123 456 749", "BE0123456749", "123.456.749" (an old
 * Belgian number without its leading 0), "732 829 320" or "FR 732829320" (SIREN).
 */
export function checkEnterpriseNumber(text: string): EnterpriseNumberCheck {
  const compact = text.replace(/[\s.\-/\u00a0\u202f]/g, '').toUpperCase();
  const m = /^(BE|FR)?(\d+)$/.exec(compact);
  if (!m) return { ok: false, problem: 'form' };
  const prefix = m[1] as EnterpriseCountry | undefined;
  let digits = m[2]!;
  if (prefix === 'BE' || (prefix === undefined && digits.length === 10)) {
    if (digits.length === 9) digits = `0${digits}`;
    if (digits.length !== 10 || !/^[01]/.test(digits)) return { ok: false, problem: 'form', country: 'BE' };
    if (!belgianCheckOk(digits)) return { ok: false, problem: 'checksum', country: 'BE' };
    return { ok: true, country: 'BE', digits, formatted: `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`, key: `BE${digits}` };
  }
  if (digits.length !== 9) return { ok: false, problem: 'form', ...(prefix ? { country: prefix } : {}) };
  if (!luhnOk(digits)) return { ok: false, problem: 'checksum', country: 'FR' };
  return { ok: true, country: 'FR', digits, formatted: `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`, key: `FR${digits}` };
}

/** The pairing key of a number as stored (BE0123456749), or undefined when it is not a valid number. */
export function enterpriseKey(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const check = checkEnterpriseNumber(value);
  return check.ok ? check.key : undefined;
}

function belgianCheckOk(digits: string): boolean {
  const base = Number(digits.slice(0, 8));
  return 97 - (base % 97) === Number(digits.slice(8));
}

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
