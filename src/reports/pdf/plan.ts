// PDF sections of the advisor's deliverable: the one-page summary at the front, the action plan,
// the advisor annex (advisor edition only) and the advisor's identity on the cover and in the footer.
import type { Assessment, BenchmarkComparison, CalendarEvent, PlanAction } from '../../engine/assessment/types.js';
import type { Translate } from '../../i18n/ui.js';
import { aidName as officialName, reasonText, staleText } from '../aids.js';
import { advisorFieldsText, aidName, aidsText, costText, legalText, netText } from '../plan.js';
import { COLOR, levelColor, PAGE_MARGINS, type TextPart } from './layout.js';
import type { Context } from './sections.js';

export type Edition = 'client' | 'advisor';

const LANES = ['now', 'next', 'later'] as const;

/** What the next dated event is about, in words. */
function eventWhat(a: Assessment, t: Translate, e: CalendarEvent): string {
  if (e.kind === 'deadline') return t(`calendar.deadline.${e.ref}`);
  if (e.kind === 'aid-closes') return aidName(a, e.ref ?? '');
  if (e.kind === 'action') return a.plan?.find((p) => p.id === e.ref)?.text ?? e.ref ?? '';
  return '';
}

export function eventLine(a: Assessment, t: Translate, e: CalendarEvent): string {
  return t(`summary.event.${e.kind}`, { date: e.date, what: eventWhat(a, t, e) });
}

// ---- one-page summary ------------------------------------------------------------------------------

export function summaryPage({ a, t, L }: Context): void {
  L.newPage();
  L.group('Sect', () => {
    L.heading(1, t('summary.title'));
    L.paragraph(t('summary.score', { score: a.overall.score, level: a.overall.level, name: a.overall.levelName }), {
      size: 14,
      bold: true,
      color: levelColor(a.overall.level),
    });
    if (a.overall.verdict) L.paragraph(a.overall.verdict, { size: 10.5, lineGap: 2 }, { after: 10 });

    const top = (a.plan ?? []).filter((p) => p.status !== 'done' && p.status !== 'dropped').slice(0, 3);
    L.heading(2, t('summary.actions'));
    if (top.length) L.list(top.map((p) => actionParts(a, t, p, { brief: true })), { numbered: true, size: 10 });
    else L.paragraph(t('plan.empty'), { size: 10 });

    L.heading(2, t('summary.aids'));
    const aids = (a.aids ?? []).slice(0, 3);
    if (aids.length) {
      L.list(
        aids.map((aid) => {
          const parts: TextPart[] = [
            { text: officialName(aid, t), bold: true },
            // "to confirm" and "call-based" stand beside the aid wherever it is offered.
            { text: [aid.regionName, aid.rateText, aid.capText, aid.status === 'open' ? '' : t(`aids.status.${aid.status}`)].filter(Boolean).join(' · '), size: 9, color: COLOR.muted },
          ];
          if (aid.applyBefore) parts.push({ text: t('plan.apply_before'), size: 9, color: COLOR.bad });
          return parts;
        }),
        { size: 10 },
      );
    } else L.paragraph(t('summary.no_aids'), { size: 10 });

    const next = a.calendar?.[0];
    if (next) {
      L.heading(2, t('summary.next_date'));
      L.paragraph(eventLine(a, t, next), { size: 10.5, bold: true });
      const review = a.calendar!.find((e) => e.kind === 'follow-up');
      if (review && review !== next) L.paragraph(eventLine(a, t, review), { size: 10 });
    }
  });
}

function actionParts(a: Assessment, t: Translate, p: PlanAction, options: { brief?: boolean } = {}): TextPart[] {
  const parts: TextPart[] = [{ text: p.text, bold: true }];
  if (p.dontKnow) parts.push({ text: t('plan.check_first'), size: 8.5, color: COLOR.warn });
  const why = [t('plan.gain', { gain: p.gain }), t(`plan.effort.${p.effort}`)].join(' · ');
  parts.push({ text: why, size: 8.5, color: COLOR.muted });
  const legal = legalText(t, p);
  if (legal) parts.push({ text: legal, size: 8.5, color: COLOR.bad, ...(options.brief ? {} : { link: p.legal!.source }) });
  if (!options.brief) {
    const fields = advisorFieldsText(t, p);
    if (fields) parts.push({ text: fields, size: 8.5, color: COLOR.accent });
  }
  return parts;
}

// ---- the action plan -------------------------------------------------------------------------------

export function planSection(ctx: Context): void {
  const { a, t, L } = ctx;
  if (!a.plan) return;
  L.startSection();
  L.group('Sect', () => {
    L.heading(1, t('plan.title'));
    L.paragraph(t('plan.intro'), { size: 9.5, color: COLOR.muted });
    if (!a.plan!.length && !a.planDone?.length) {
      L.paragraph(t('plan.empty'));
      return;
    }
    if (a.planDone?.length) {
      L.heading(2, t('plan.done_title'));
      L.list(a.planDone.map((d) => [{ text: d.text }, ...(d.owner ? [{ text: t('plan.owner', { owner: d.owner }), size: 8.5, color: COLOR.muted }] : [])]), {
        size: 9.5,
        marker: () => '✓',
        markerColor: COLOR.good,
      });
    }
    for (const lane of LANES) {
      const actions = a.plan!.filter((p) => p.lane === lane);
      if (!actions.length) continue;
      L.table(
        [
          { header: t('plan.col_action'), width: 50 },
          { header: t('plan.col_why'), width: 25 },
          { header: t('plan.col_cost'), width: 25 },
        ],
        actions.map((p) => {
          const why: TextPart[] = [{ text: t('plan.gain', { gain: p.gain }) }, { text: t(`plan.effort.${p.effort}`), color: COLOR.muted }];
          const legal = legalText(t, p);
          if (legal) why.push({ text: legal, color: COLOR.bad });
          const cost: TextPart[] = [{ text: costText(t, p), ...(p.cost ? {} : { color: COLOR.muted }) }];
          // Where a figure is given, its basis and source go with it.
          if (p.cost) cost.push({ text: p.cost.basis, color: COLOR.muted, size: 7, link: p.cost.source });
          const net = netText(a, t, p);
          if (net) cost.push({ text: net, bold: true });
          const aids = aidsText(a, t, p);
          if (aids) cost.push({ text: aids, color: COLOR.muted });
          const action: TextPart[] = [{ text: p.text, bold: true }];
          if (p.dontKnow) action.push({ text: t('plan.check_first'), color: COLOR.warn });
          const fields = advisorFieldsText(t, p);
          if (fields) action.push({ text: fields, color: COLOR.accent });
          return [action, why, cost];
        }),
        { size: 8, heading: { level: 2, text: t(`plan.lane.${lane}`) } },
      );
    }
  });
}

// ---- advisor annex ---------------------------------------------------------------------------------

export function advisorAnnex({ a, t, L }: Context): void {
  // On its own pages, so the advisor can take it out before handing the report over.
  L.newPage();
  L.group('Sect', () => {
    L.heading(1, t('annex.title'));
    L.paragraph(t('annex.intro'), { size: 9.5, color: COLOR.muted });

    // What the data marks unverified or contradictory, and why.
    L.heading(2, t('annex.uncertain'));
    const items: TextPart[][] = [];
    // Barometer figures: those shown with their curation notes, and those the source policy withholds from the client.
    const shown = [...a.dimensions.flatMap((d) => d.benchmarks), ...(a.digitalIntensity?.comparisons ?? [])];
    const withheld = [...a.dimensions.flatMap((d) => d.benchmarksWithheld ?? []), ...(a.digitalIntensity?.withheld ?? [])];
    const figure = (b: BenchmarkComparison, isWithheld: boolean) => {
      if (!isWithheld && b.confidence === 'official' && !b.curation.length) return;
      const parts: TextPart[] = [{ text: `${b.title} — ${b.population} (${b.year})`, bold: true }];
      const flags = [b.confidence !== 'official' ? t(`annex.confidence.${b.confidence}`) : undefined, isWithheld ? t('annex.withheld') : undefined].filter(Boolean);
      if (flags.length) parts.push({ text: flags.join(' · '), color: COLOR.warn, size: 8.5 });
      for (const c of b.curation) parts.push({ text: t('annex.curation_line', { kind: t(`annex.curation.${c.kind}`), note: c.note }), size: 8.5 });
      parts.push({ text: `${b.publisher.name}${b.publisher.via ? ` / ${b.publisher.via.name}` : ''} · ${b.source}`, size: 7.5, color: COLOR.muted });
      items.push(parts);
    };
    for (const b of shown) figure(b, false);
    for (const b of withheld) figure(b, true);
    for (const aid of a.aids ?? []) {
      if (aid.confidence === 'official' && !aid.unverified.length && !aid.caveats.length && !aid.stale) continue;
      const parts: TextPart[] = [{ text: officialName(aid, t), bold: true }];
      if (aid.confidence !== 'official') parts.push({ text: t(`annex.confidence.${aid.confidence}`), color: COLOR.warn, size: 8.5 });
      if (aid.unverified.length) parts.push({ text: t('annex.unverified_terms', { terms: aid.unverified.join(', ') }), size: 8.5 });
      const stale = staleText(aid, t, a.aidSettings?.staleAfterMonths ?? 12);
      if (stale) parts.push({ text: stale, size: 8.5, color: COLOR.warn });
      for (const c of aid.caveats) parts.push({ text: c, size: 8.5, color: COLOR.muted });
      for (const src of aid.sources) if (src.url) parts.push({ text: `${src.publisher} · ${src.url}`, size: 7.5, color: COLOR.muted });
      items.push(parts);
    }
    for (const p of a.plan ?? []) {
      if (!p.legal || (p.legal.confidence === 'official' && !p.legal.note)) continue;
      const parts: TextPart[] = [{ text: t('annex.legal', { what: t(`plan.legal.${p.legal.id}`) }), bold: true }];
      if (p.legal.confidence !== 'official') parts.push({ text: t(`annex.confidence.${p.legal.confidence}`), color: COLOR.warn, size: 8.5 });
      if (p.legal.note) parts.push({ text: p.legal.note, size: 8.5 });
      items.push(parts);
    }
    if (items.length) L.list(items, { size: 9 });
    else L.paragraph(t('annex.uncertain.none'), { size: 9.5 });

    // Aids ruled out, when the assessment carries them.
    L.heading(2, t('annex.ruled_out'));
    const ruledOut = a.aidsRuledOut ?? [];
    if (ruledOut.length) {
      L.list(
        ruledOut.map((r) => [
          { text: regionLabel(a, r.region) ? `${r.name} (${regionLabel(a, r.region)})` : r.name, bold: true },
          ...r.reasons.map((x) => ({ text: reasonText(x, t, a.language), size: 8.5 })),
        ]),
        { size: 9 },
      );
    } else L.paragraph(t(a.aidsRuledOut ? 'annex.ruled_out.empty' : 'annex.ruled_out.none'), { size: 9.5 });

    // Don't-knows and unanswered questions to revisit.
    L.heading(2, t('annex.revisit'));
    const revisit: TextPart[][] = [];
    for (const d of a.dimensions) {
      for (const q of d.questions) {
        if (q.status === 'dontKnow' || q.status === 'missing') {
          revisit.push([{ text: q.text }, { text: `${d.title} · ${t(`annex.revisit.${q.status}`)} · ${q.id}`, size: 8, color: COLOR.muted }]);
        }
      }
    }
    if (revisit.length) L.list(revisit, { size: 9 });
    else L.paragraph(t('annex.revisit.none'), { size: 9.5 });

    // The plan's fields to fill in.
    if (a.plan?.length) {
      L.heading(2, t('annex.fields'));
      L.paragraph(t('annex.fields.intro'), { size: 9, color: COLOR.muted });
      const missing = { text: t('annex.fields.missing'), color: COLOR.muted };
      L.table(
        [
          { header: t('annex.col_id'), width: 22 },
          { header: t('plan.col_action'), width: 42 },
          { header: t('annex.col_owner'), width: 14 },
          { header: t('annex.col_due'), width: 12 },
          { header: t('annex.col_status'), width: 10 },
        ],
        a.plan.map((p) => [
          [{ text: p.id }, { text: t(`plan.lane_short.${p.lane}`), color: COLOR.muted }],
          [{ text: p.text }],
          [p.owner ? { text: p.owner } : missing],
          [p.due ? { text: p.due } : missing],
          [p.status ? { text: t(`plan.status.${p.status}`) } : missing],
        ]),
        { size: 7.5 },
      );
    }
  });
}

/** The region's name, from the aids the assessment carries (no code is printed where a name is meant). */
function regionLabel(a: Assessment, code: string): string | undefined {
  return a.aids?.find((x) => x.region === code)?.regionName;
}

// ---- identity on the cover and in the footer -------------------------------------------------------

export function advisorLine(a: Assessment): string | undefined {
  const who = a.advisor;
  if (!who) return undefined;
  const name = [who.name, who.organisation].filter(Boolean).join(', ');
  const contact = [who.email, who.phone].filter(Boolean).join(' · ');
  return [name, contact].filter(Boolean).join(' — ') || undefined;
}

/** On the cover: the logo at the top right of the band, the advisor and the session above the foot. */
export function coverIdentity({ a, t, L }: Context, options: { edition: Edition; logo?: Buffer | undefined }): void {
  const doc = L.doc;
  if (options.logo) {
    const box = { x: L.right - 110, y: 26, w: 110, h: 44 };
    L.leaf('Figure', () => doc.image(options.logo!, box.x, box.y, { fit: [box.w, box.h], align: 'right', valign: 'center' }), {
      alt: a.advisor?.organisation ?? a.advisor?.name ?? 'logo',
      bbox: [box.x, box.y, box.x + box.w, box.y + box.h],
    });
  }
  if (a.session?.type === 'test-run') {
    L.leaf('P', () => L.write(t('session.type.test-run'), L.left, 40, L.width - 130, { size: 11, bold: true, color: '#ffb4a8' }));
  }
  const lines: { text: string; bold?: boolean }[] = [];
  const who = advisorLine(a);
  if (who) lines.push({ text: t('advisor.prepared_by', { who }), bold: true });
  if (a.session && a.session.type !== 'test-run') lines.push({ text: t('session.line', { type: t(`session.type.${a.session.type}`), date: a.session.date ?? a.assessedOn }) });
  if (options.edition === 'advisor') lines.push({ text: t('edition.advisor'), bold: true });
  if (!lines.length) return;
  const style = { size: 9, lineGap: 1 };
  const height = lines.reduce((h, l) => h + L.heightOf(l.text, L.width, { ...style, bold: l.bold }), 0);
  let y = L.bottom - 8 - 14 - height;
  L.artifact(() => doc.moveTo(L.left, y - 8).lineTo(L.right, y - 8).lineWidth(0.4).strokeColor(COLOR.rule).stroke());
  for (const line of lines) {
    const top = y;
    L.leaf('P', () => L.write(line.text, L.left, top, L.width, { ...style, bold: line.bold, color: line.bold ? COLOR.ink : COLOR.muted }));
    y += L.heightOf(line.text, L.width, { ...style, bold: line.bold });
  }
}

/** In every footer but the cover's: the advisor, and the test-run mark. */
export function identityFurniture({ a, t, L }: Context): void {
  const doc = L.doc;
  const who = [a.advisor?.name, a.advisor?.organisation].filter(Boolean).join(', ') || undefined;
  const test = a.session?.type === 'test-run' ? t('session.type.test-run') : undefined;
  if (!who && !test) return;
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    L.artifact(() => {
      const footY = doc.page.height - PAGE_MARGINS.bottom + 22;
      const text = [test, who].filter(Boolean).join(' · ');
      L.write(text, L.left + L.width * 0.2, footY, L.width * 0.6, { size: 7.5, color: test ? COLOR.bad : COLOR.muted, align: 'center' });
    });
  }
}
