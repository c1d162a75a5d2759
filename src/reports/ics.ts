// The calendar (iCalendar, RFC 5545) of one or more assessments: plan target dates, the legal
// deadlines that concern the firm, aid windows that close and the follow-up review, as all-day events.
// Written with the `ics` library, loaded only when a calendar is asked for.
import type { Assessment, CalendarEvent } from '../engine/assessment/types.js';
import type { Translate } from '../i18n/ui.js';

export interface IcsInput {
  assessment: Assessment;
  t: Translate;
}

/** Title and description of one event, in the report language. */
export function eventText(a: Assessment, e: CalendarEvent, t: Translate): { title: string; description: string } {
  const company = a.company.name || '—';
  const source = e.source ? `\n${t('calendar.source', { url: e.source })}` : '';
  switch (e.kind) {
    case 'action': {
      const action = a.plan?.find((p) => p.id === e.ref);
      const owner = action?.owner ? `\n${t('calendar.owner', { owner: action.owner })}` : '';
      return { title: t('calendar.action', { company, text: action?.text ?? e.ref ?? '' }), description: `${action?.text ?? ''}${owner}` };
    }
    case 'deadline':
      return { title: t('calendar.deadline', { company, what: t(`calendar.deadline.${e.ref}`) }), description: `${t(`calendar.deadline.${e.ref}.detail`)}${source}` };
    case 'aid-closes': {
      const aid = a.aids?.find((x) => x.id === e.ref);
      return { title: t('calendar.aid_closes', { company, aid: aid?.name ?? e.ref ?? '' }), description: `${t('calendar.aid_closes.detail')}${source}` };
    }
    case 'follow-up':
      return { title: t('calendar.follow_up', { company }), description: t('calendar.follow_up.detail', { date: a.assessedOn }) };
  }
}

export async function renderIcs(inputs: IcsInput[]): Promise<string> {
  return writeIcs(icsEvents(inputs));
}

/** One all-day event, worded and dated: plain data, so batch workers can hand it to the main thread. */
export type IcsEvent = ReturnType<typeof icsEvents>[number];

/** The events of these assessments, each worded in its own t. */
export function icsEvents(inputs: IcsInput[]) {
  return inputs.flatMap(({ assessment: a, t }) =>
    (a.calendar ?? []).map((e) => {
      const [y, m, d] = e.date.split('-').map(Number) as [number, number, number];
      const next = new Date(Date.UTC(y, m - 1, d + 1));
      const { title, description } = eventText(a, e, t);
      const uid = `${slug(a.company.name)}-${a.assessedOn}-${e.kind}-${e.ref ?? 'review'}-${e.date}@digiscan`;
      return {
        start: [y, m, d] as [number, number, number],
        // All-day: DTEND is the next day (exclusive), as RFC 5545 wants for VALUE=DATE events.
        end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()] as [number, number, number],
        title,
        description,
        uid,
        categories: ['digiscan', e.kind],
        transp: 'TRANSPARENT' as const,
        productId: 'digiscan',
        calName: inputs.length === 1 ? inputs[0]!.t('calendar.name', { company: a.company.name || '—' }) : 'digiscan',
        ...(e.source ? { url: e.source } : {}),
      };
    }),
  );
}

/** The iCalendar text of the events (an empty calendar when there are none). */
export async function writeIcs(events: IcsEvent[]): Promise<string> {
  // ics is CommonJS: its functions sit on the module or on its default export, depending on the loader.
  const mod = (await import('ics')) as typeof import('ics') & { default?: typeof import('ics') };
  const createEvents = mod.createEvents ?? mod.default!.createEvents;
  if (!events.length) {
    // An empty VCALENDAR is still a valid file: the firm has nothing dated ahead.
    return 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nPRODID:digiscan\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n';
  }
  const { error, value } = createEvents(events);
  if (error || value === null) throw error ?? new Error('calendar could not be written');
  return value;
}

function slug(name: string): string {
  return name.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'firm';
}
