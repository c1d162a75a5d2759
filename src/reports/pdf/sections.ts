// The sections of the PDF report, in reading order. Each reads only the Assessment and writes
// through the Layout, which keeps the structure tree and the page breaks right.
import type { AidMatch, AnsweredQuestion, Assessment, BenchmarkComparison, DimensionResult } from '../../engine/assessment/types.js';
import type { Translate } from '../../i18n/ui.js';
import { aidName, estimateText, reasonText, staleText } from '../aids.js';
import { fallbackText, nextStepText, practiceText, sourceText } from '../benchmarks.js';
import { drawBar, drawIntensityGauge, drawLegend, drawRadar, drawScoreRing } from './charts.js';
import { COLOR, levelColor, PAGE_MARGINS, type Layout, type TextPart } from './layout.js';

export interface Formats {
  percent(value: number): string;
  /** YYYY-MM-DD or YYYY-MM in words, in the report language. */
  date(isoDate: string): string;
  amount(euros: number): string;
  /** At most one decimal, with the language's decimal mark. */
  number(value: number): string;
}

export interface Context {
  a: Assessment;
  t: Translate;
  L: Layout;
  fmt: Formats;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const hostOf = (url: string) => {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
};

// ---- cover --------------------------------------------------------------------------------------

export function cover({ a, t, L, fmt }: Context): void {
  const doc = L.doc;
  const bandHeight = 285;
  L.artifact(() => {
    doc.rect(0, 0, doc.page.width, bandHeight).fill(COLOR.primary);
    doc.rect(0, bandHeight, doc.page.width, 4).fill(COLOR.accent);
  });
  L.group('Sect', () => {
    let y = 78;
    L.leaf('P', () => L.write(t('pdf.kicker').toUpperCase(), L.left, y, L.width, { size: 10, bold: true, color: '#9fb6d3' }));
    y += 26;
    const name = a.company.name || '—';
    // Long names shrink instead of pushing the cover onto a second page.
    let size = 28;
    while (size > 16 && L.heightOf(name, L.width, { size, bold: true, lineGap: 1 }) > 120) size -= 2;
    const nameHeight = L.heightOf(name, L.width, { size, bold: true, lineGap: 1 });
    L.leaf('H1', () => L.write(name, L.left, y, L.width, { size, bold: true, color: COLOR.white, lineGap: 1 }));
    doc.outline.addItem(name);
    y += nameHeight + 12;
    const facts = a.profile.filter((p) => p.id !== 'name').map((p) => t('pdf.fact', { label: p.label, value: p.display }));
    const factsText = facts.join('   ·   ');
    const factsHeight = L.heightOf(factsText, L.width, { size: 9, lineGap: 2 });
    if (y + factsHeight + 30 > bandHeight) facts.splice(3);
    const shown = facts.join('   ·   ');
    L.leaf('P', () => L.write(shown, L.left, y, L.width, { size: 9, color: '#dbe4f0', lineGap: 2 }));
    y += L.heightOf(shown, L.width, { size: 9, lineGap: 2 }) + 10;
    L.leaf('P', () => L.write(t('pdf.assessed_on', { date: fmt.date(a.assessedOn) }), L.left, y, L.width, { size: 11, bold: true, color: COLOR.white }));

    // Overall score: ring on the left, level and verdict on the right.
    const top = bandHeight + 40;
    const ringR = 52;
    const cx = L.left + ringR + 6;
    const cy = top + ringR + 6;
    const textX = L.left + 2 * ringR + 40;
    const textW = L.right - textX;
    L.leaf('Figure', () => drawScoreRing(L, cx, cy, ringR, a.overall.score, a.overall.level), {
      alt: `${t('overall')}: ${t('score_of', { score: a.overall.score })}`,
      bbox: [cx - ringR - 6, cy - ringR - 6, cx + ringR + 6, cy + ringR + 6],
    });
    let ty = top + 4;
    L.leaf('H2', () => L.write(t('overall'), textX, ty, textW, { size: 11, bold: true, color: COLOR.muted }));
    ty += 18;
    const levelText = t('pdf.level_of', { level: a.overall.level, name: a.overall.levelName });
    L.leaf('P', () => L.write(levelText, textX, ty, textW, { size: 15, bold: true, color: levelColor(a.overall.level) }));
    ty += L.heightOf(levelText, textW, { size: 15, bold: true }) + 6;
    if (a.overall.verdict) {
      L.leaf('P', () => L.write(a.overall.verdict, textX, ty, textW, { size: 11.5, lineGap: 3 }));
      ty += L.heightOf(a.overall.verdict, textW, { size: 11.5, lineGap: 3 });
    }

    // Every dimension at a glance: name, bar, score.
    let gy = Math.max(cy + ringR + 34, ty + 24);
    const nameW = 170;
    const barX = L.left + nameW + 8;
    const scoreW = 118;
    const barW = L.width - nameW - scoreW - 16;
    L.group('Table', () => {
      for (const d of a.dimensions) {
        const rowH = Math.max(22, L.heightOf(d.title, nameW, { size: 10, bold: true }) + 8);
        const y0 = gy;
        L.artifact(() => {
          drawBar(L, barX, y0 + rowH / 2 - 5, barW, 10, d.score, levelColor(d.level));
          doc.moveTo(L.left, y0 + rowH).lineTo(L.right, y0 + rowH).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
        });
        L.group('TR', () => {
          L.group('TH', () => L.content(() => L.write(d.title, L.left, y0 + 5, nameW, { size: 10, bold: true })), { scope: 'Row' });
          L.group('TD', () =>
            L.content(() => L.write(`${t('score_of', { score: d.score })} · ${d.levelName}`, L.right - scoreW, y0 + rowH / 2 - 5.5, scoreW, { size: 9, color: COLOR.muted, align: 'right' })),
          );
        });
        gy += rowH;
      }
    });

    const footY = L.bottom - 8;
    L.leaf('P', () =>
      L.write(
        `${t('pdf.privacy', { version: a.tool.version })}\n${t('pdf.questionnaire', { title: a.questionnaire.title, version: a.questionnaire.version })}`,
        L.left,
        footY,
        L.width,
        { size: 7.5, color: COLOR.muted },
      ),
    );
  });
}

// ---- overview: radar and summary table -------------------------------------------------------------

function headline(d: DimensionResult): BenchmarkComparison | undefined {
  return d.benchmarks[0];
}

export function overview({ a, t, L, fmt }: Context): void {
  L.newPage();
  L.group('Sect', () => {
    // The radar shows the firm's scores only: a share of firms doing one practice is another quantity
    // on another scale, so it is set beside the firm's own practice in the table and in each section.
    L.heading(1, t('report.radar_title'));
    const alt = t('pdf.radar_alt', { list: a.dimensions.map((d) => `${d.title} ${d.score}`).join(', ') });
    if (a.dimensions.length >= 3) {
      L.figure(alt, 255, (x, y, width, height) =>
        drawRadar(
          L,
          a.dimensions.map((d) => ({ label: d.title, score: d.score, level: d.level })),
          { x, y, width, height },
        ),
      );
    }
    const ly = L.y;
    let legendHeight = 0;
    L.leaf('P', () => {
      legendHeight = drawLegend(L, [{ label: t('pdf.legend_firm'), color: COLOR.primary }], L.left + 90, ly, L.width - 180);
    });
    L.y = ly + legendHeight + 6;
    const withBench = a.dimensions.filter((d) => headline(d));
    if (withBench.length) L.paragraph(t('report.radar_note'), { size: 8.5, color: COLOR.muted, align: 'center' });
    else L.paragraph(t('pdf.no_benchmarks'), { size: 9, color: COLOR.muted, align: 'center' });

    L.space(6);
    L.table(
      [
        { header: t('pdf.col_dimension'), width: 24 },
        { header: t('pdf.col_score'), width: 11, align: 'right' },
        { header: t('pdf.col_level'), width: 18 },
        { header: t('report.col_practice'), width: 47 },
      ],
      a.dimensions.map((d) => {
        const b = headline(d);
        return [
          [{ text: d.title, bold: true }],
          [{ text: t('score_of', { score: d.score }), bold: true, color: levelColor(d.level) }],
          [{ text: `${d.level} · ${d.levelName}` }],
          b
            ? [
                { text: b.title },
                { text: practiceText(b.company, t), bold: true, color: practiceColor(b) },
                { text: t('report.summary_practice', { value: figureValue(fmt, b), population: b.population, year: b.year }), color: COLOR.muted, size: 7.5 },
              ]
            : [{ text: '—', color: COLOR.muted }],
        ];
      }),
      { size: 9 },
    );
    const fallback = fallbackText(withBench.map((d) => headline(d)!), a.company.employees, t);
    if (fallback) L.paragraph(fallback, { size: 8, color: COLOR.muted });

    if (a.warnings.length) {
      L.heading(2, t('pdf.warnings'), 20);
      L.list(a.warnings.map((w) => [{ text: t(`warning.${w.code}`, w.params) }]), { marker: () => '!', markerColor: COLOR.warn });
    }
    if (a.notes.general) noteBox(L, t('advisor_note'), a.notes.general);
  });
}

function practiceColor(b: BenchmarkComparison): string {
  return { yes: COLOR.good, partly: COLOR.warn, no: COLOR.bad, unknown: COLOR.muted }[b.company];
}

function noteBox(L: Layout, label: string, text: string): void {
  const pad = 9;
  const width = L.width - 2 * pad - 4;
  const labelH = L.heightOf(label, width, { size: 9, bold: true });
  const textH = L.heightOf(text, width, { size: 9.5, lineGap: 2 });
  const height = labelH + textH + 2 * pad + 3;
  L.space(6);
  L.ensure(height);
  const y = L.y;
  L.artifact(() => {
    L.doc.rect(L.left, y, L.width, height).fill(COLOR.primaryLight);
    L.doc.rect(L.left, y, 3, height).fill(COLOR.primary);
  });
  L.group('Note', () => {
    L.leaf('P', () => L.write(label, L.left + pad + 4, y + pad, width, { size: 9, bold: true, color: COLOR.primary }));
    L.leaf('P', () => L.write(text, L.left + pad + 4, y + pad + labelH + 3, width, { size: 9.5, lineGap: 2 }));
  });
  L.y = y + height + 8;
}

// ---- one section per dimension -------------------------------------------------------------------

function aidsFor(a: Assessment, d: DimensionResult): AidMatch[] {
  // A theme the research could not confirm does not place an aid under a dimension.
  return (a.aids ?? []).filter((aid) => aid.fits.includes(d.id) || (aid.themes.includes(d.id) && !aid.unverified.includes(`theme:${d.id}`)));
}

function themeLabel(a: Assessment, t: Translate, theme: string): string {
  const dimension = a.dimensions.find((d) => d.id === theme);
  if (dimension) return dimension.title;
  const key = `aids.theme.${theme}`;
  const label = t(key);
  return label === `⟨${key}⟩` ? theme : label;
}

/** The link of an aid, or a muted note when the research found no public page. */
function aidLink(t: Translate, aid: AidMatch, text: string, size: number): TextPart {
  return aid.url ? { text, link: aid.url, color: COLOR.accent, size } : { text: t('aids.no_link'), color: COLOR.muted, size };
}

function asOfText(t: Translate, fmt: Formats, aid: AidMatch): string {
  return aid.asOf ? asOfDate(t, fmt, aid.asOf) : t('aids.undated');
}

/** "à jour au 2 mars 2026", "à jour en janvier 2026", "à jour en 2025": the preposition follows the precision. */
function asOfDate(t: Translate, fmt: Formats, iso: string): string {
  return t('report.as_of', { date: fmt.date(iso), precision: iso.length > 7 ? 'day' : iso.length > 4 ? 'month' : 'year' });
}

/** Status, staleness and "terms to confirm", each once per aid, for the client. */
function aidWarnings(a: Assessment, t: Translate, aid: AidMatch, size: number, short = false): TextPart[] {
  const parts: TextPart[] = [];
  if (aid.status !== 'open') parts.push({ text: t(`aids.status.${aid.status}`), size, bold: true, color: COLOR.warn });
  const stale = !aid.stale ? null : short ? t(aid.asOf ? 'aids.pdf.stale_short' : 'aids.pdf.undated_short', { asOf: (aid.asOf ?? '').slice(0, 7) }) : staleText(aid, t, a.aidSettings?.staleAfterMonths ?? 12);
  if (stale) parts.push({ text: stale, size, color: COLOR.warn });
  if (aid.confirmTerms) parts.push({ text: t('aids.confirm_terms'), size, bold: true, color: COLOR.bad });
  return parts;
}

function applyBeforeText(t: Translate, aid: AidMatch): string {
  return t('pdf.apply_before', { answer: aid.applyBefore === null ? t('pdf.unknown') : aid.applyBefore ? t('pdf.yes') : t('pdf.no') });
}

export function dimensionSection(ctx: Context, d: DimensionResult, index: number): void {
  const { a, t, L, fmt } = ctx;
  if (index === 0) L.newPage();
  else L.ensure(190);
  L.group('Sect', () => {
    L.heading(1, `${index + 1}. ${d.title}`, 120);

    // Score bar, then the score in words at its right.
    const labelW = 110;
    const value = `${t('score_of', { score: d.score })} · ${t('pdf.level_of', { level: d.level, name: d.levelName })}`;
    const valueStyle = { size: 9.5, bold: true, color: levelColor(d.level), align: 'right' as const };
    const valueW = Math.min(L.width - labelW - 80, L.font(valueStyle).widthOfString(value) + 4);
    const barX = L.left + labelW;
    const barW = L.width - labelW - valueW - 14;
    const y = L.y;
    L.artifact(() => drawBar(L, barX, y + 2, barW, 11, d.score, levelColor(d.level)));
    L.group('P', () => {
      L.content(() => L.write(t('pdf.your_score'), L.left, y + 1, labelW - 8, { size: 10, bold: true }));
      L.content(() => L.write(value, L.right - valueW, y + 1, valueW, valueStyle));
    });
    L.y = y + Math.max(22, L.heightOf(value, valueW, valueStyle) + 8);

    // Against comparable firms: one bar per barometer figure, with what this firm does.
    if (d.benchmarks.length) {
      L.heading(3, t('report.comparable'), 40);
      for (const b of d.benchmarks) benchmarkRow(ctx, b);
      const fallback = fallbackText(d.benchmarks, a.company.employees, t);
      if (fallback) L.paragraph(fallback, { size: 8, color: COLOR.muted });
    }

    L.heading(3, t('strengths'), 45);
    if (d.strengths.length) L.list(d.strengths.map((s) => [{ text: s }]), { marker: () => '✓', markerColor: COLOR.good });
    else L.paragraph(t('pdf.no_strengths'), { size: 9.5, color: COLOR.muted });

    L.heading(3, t('next_steps'), 45);
    if (d.nextSteps.length) {
      L.list(
        d.nextSteps.map((s) => [{ text: nextStepText(s, t) }, { text: t('pdf.gain', { gain: s.gain }), size: 8, color: COLOR.accent, bold: true }]),
        { numbered: true },
      );
    } else L.paragraph(t('pdf.no_next_steps'), { size: 9.5, color: COLOR.muted });

    if (a.aids) {
      const aids = aidsFor(a, d);
      // The heading, the first theme's label and its first aid stay together.
      L.heading(3, t('pdf.matched_aids'), aids.length ? 110 : 30);
      if (!aids.length) L.paragraph(t('pdf.no_matched_aids'), { size: 9.5, color: COLOR.muted });
      const byTheme = new Map<string, AidMatch[]>();
      for (const aid of aids) {
        const theme = aid.themes.includes(d.id) ? d.id : (aid.themes[0] ?? 'general');
        byTheme.set(theme, [...(byTheme.get(theme) ?? []), aid]);
      }
      for (const [theme, list] of byTheme) {
        L.ensure(90); // the theme's label stays with its first aid
        L.paragraph(themeLabel(a, t, theme), { size: 8.5, bold: true, color: COLOR.muted }, { after: 2 });
        L.list(
          list.map((aid) => {
            const parts: TextPart[] = [
              { text: `${aidName(aid, t)} · ${aid.regionName}`, bold: true },
              ...aid.strands.map((s) => ({
                text: `${aid.strands.length > 1 ? t('aids.pdf.strand', { name: s.name, rate: s.rateText, cap: s.capText }) : t('pdf.aid_short', { rate: s.rateText, cap: s.capText })}`,
                size: 8.5,
                color: COLOR.muted,
              })),
              { text: applyBeforeText(t, aid), size: 8.5, color: COLOR.muted },
              ...aidWarnings(a, t, aid, 8),
            ];
            parts.push(aidLink(t, aid, aid.url ?? '', 8));
            return parts;
          }),
          { size: 9.5 },
        );
      }
    }

    if (d.note) noteBox(L, t('advisor_note'), d.note);
    L.space(10);
  });
}

/** A barometer figure as the source words it: the exact share, or its own rounding ("almost 9 in 10"). */
function figureValue(fmt: Formats, b: BenchmarkComparison): string {
  return b.approximate ?? fmt.percent(b.value);
}

/**
 * One barometer figure: its heading, the value with its population and source, a bar, and at the right
 * what this firm does (or the value). Fallbacks are said once per section by the caller.
 */
function figureRow({ t, L, fmt }: Context, b: BenchmarkComparison, right: { text: string; color: string; size: number }): void {
  const rightW = 110;
  const textW = L.width - rightW - 10;
  const line = b.target
    ? t('report.target_line', { value: figureValue(fmt, b), population: b.population, year: b.year, source: sourceText(b, t) })
    : t('report.figure_line', { value: figureValue(fmt, b), population: b.population, indicator: b.indicator, source: sourceText(b, t) });
  const lines: TextPart[] = [
    { text: b.title, size: 9.5, bold: true },
    { text: line.charAt(0).toUpperCase() + line.slice(1), size: 8.5, color: COLOR.muted },
  ];
  if (b.context) lines.push({ text: b.context, size: 7.5, color: COLOR.muted });
  const textH = L.partsHeight(lines, textW);
  const height = textH + 14;
  L.ensure(height);
  const y = L.y;
  L.artifact(() => drawBar(L, L.left, y + textH + 4, textW, 6, b.value, COLOR.benchmark));
  L.group('P', () => {
    L.paintParts(lines, L.left, y, textW);
    L.content(() => L.write(right.text, L.right - rightW, y, rightW, { size: right.size, bold: true, color: right.color, align: 'right' }));
  });
  L.y = y + height + 2;
}

function benchmarkRow(ctx: Context, b: BenchmarkComparison): void {
  figureRow(ctx, b, { text: practiceText(b.company, ctx.t), color: practiceColor(b), size: 9.5 });
}

// ---- aids table ----------------------------------------------------------------------------------

export function aidsSection({ a, t, L, fmt }: Context): void {
  L.startSection();
  L.group('Sect', () => {
    L.heading(1, t('pdf.aids_title'));
    if (!a.aids) {
      L.paragraph(t('pdf.aids_absent'), { size: 10, color: COLOR.muted });
      return;
    }
    if (!a.aids.length) {
      L.paragraph(t('pdf.aids_none'), { size: 10, color: COLOR.muted });
      return;
    }
    L.paragraph(t('pdf.aids_intro'), { size: 9.5, color: COLOR.muted });
    L.table(
      [
        { header: t('pdf.col_aid'), width: 22 },
        { header: t('pdf.col_pays'), width: 19 },
        { header: t('pdf.col_conditions'), width: 29.5 },
        { header: t('pdf.col_before'), width: 13.5 },
        { header: t('pdf.col_source'), width: 16 },
      ],
      a.aids.map((aid) => {
        const name: TextPart[] = [{ text: aidName(aid, t), bold: true }, { text: aid.regionName, color: COLOR.muted, size: 7.5 }];
        name.push(...aidWarnings(a, t, aid, 7.5, true));
        if (aid.estimate) name.push({ text: estimateText(aid.estimate, a.language, t), size: 7.5, color: COLOR.accent });
        const before =
          aid.applyBefore === null
            ? { text: t('pdf.unknown'), color: COLOR.muted }
            : aid.applyBefore
              ? { text: `${t('pdf.yes')} ✓`, bold: true, color: COLOR.bad }
              : { text: t('pdf.no') };
        const source: TextPart[] = [
          aidLink(t, aid, aid.url ? hostOf(aid.url) : '', 7.5),
          { text: asOfText(t, fmt, aid), size: 7.5, color: COLOR.muted },
        ];
        const pays: TextPart[] =
          aid.strands.length > 1
            ? aid.strands.flatMap((st) => [
                { text: st.name, size: 7, bold: true, color: COLOR.muted },
                { text: t('pdf.aid_short', { rate: st.rateText, cap: st.capText }) },
              ])
            : [
                { text: t('aids.col.rate'), size: 7, bold: true, color: COLOR.muted },
                { text: aid.rateText },
                { text: t('aids.col.cap'), size: 7, bold: true, color: COLOR.muted },
                { text: aid.capText },
              ];
        const lines = [...(aid.statusNote ? [aid.statusNote] : []), ...aid.conditions.map((c) => c.text)];
        const conditions: TextPart[] = lines.length ? [{ text: lines.map((c) => `• ${c}`).join('\n'), size: 7.5 }] : [{ text: '—', color: COLOR.muted }];
        // What the firm still has to check (the rules it meets are in the terminal and JSON).
        const open = aid.reasons.filter((r) => r.outcome === 'to-check');
        if (open.length) conditions.push({ text: t('aids.pdf.to_check', { reasons: open.map((r) => reasonText(r, t, a.language)).join(' · ') }), size: 7.5, color: COLOR.warn });
        return [name, pays, conditions, [before], source];
      }),
      { size: 8 },
    );
  });
}

// ---- digital intensity -----------------------------------------------------------------------------

export function intensitySection(ctx: Context): void {
  const { a, t, L, fmt } = ctx;
  L.ensure(300);
  if (!L.atPageTop) L.space(16);
  L.group('Sect', () => {
    L.heading(1, t('pdf.dii_title'), 120);
    const dii = a.digitalIntensity;
    L.paragraph(t('pdf.dii_intro'), { size: 9.5, color: COLOR.muted });
    if (!dii) {
      L.paragraph(t('pdf.dii_absent'), { size: 10, color: COLOR.muted });
      return;
    }
    L.paragraph(t('pdf.dii_count', { count: dii.count, max: dii.max, level: dii.levelName }), { size: 13, bold: true, color: dii.basic ? COLOR.good : COLOR.warn }, { after: 4 });
    L.figure(t('report.dii_alt', { max: dii.max, count: dii.count, min: dii.basicMin }), 46, (x, y, width) =>
      drawIntensityGauge(L, { x, y, width }, dii.count, dii.max, dii.basicMin, t('report.dii_basic_mark', { min: dii.basicMin })),
    );
    L.paragraph(dii.basic ? t('pdf.dii_basic_yes') : t('report.dii_basic_no', { min: dii.basicMin, max: dii.max }), { size: 10 });
    if (dii.unknown) L.paragraph(t('pdf.dii_unknown', { unknown: dii.unknown }), { size: 9, color: COLOR.muted });

    if (dii.comparisons.length) {
      L.heading(3, t('pdf.dii_shares'), 40);
      for (const c of dii.comparisons) figureRow(ctx, c, { text: figureValue(fmt, c), color: COLOR.benchmark, size: 11 });
      const fallback = fallbackText(dii.comparisons.filter((c) => !c.target), a.company.employees, t);
      if (fallback) L.paragraph(fallback, { size: 8, color: COLOR.muted });
    }

    if (dii.criteria.length) {
      L.heading(3, t('pdf.dii_criteria', { year: dii.definitionYear }), 40);
      L.list(
        dii.criteria.map((c) => {
          const parts: TextPart[] = [{ text: c.label }];
          if (c.approximation) parts.push({ text: c.approximation, size: 7.5, color: COLOR.muted });
          return parts;
        }),
        {
          size: 9,
          marker: (i) => (dii.criteria[i]!.met === null ? '?' : dii.criteria[i]!.met ? '✓' : '✗'),
          markerColor: COLOR.primary,
        },
      );
      L.paragraph(t('pdf.dii_source', { source: dii.source }), { size: 8, color: COLOR.muted });
    }
  });
}

// ---- method and sources --------------------------------------------------------------------------

export function methodSection({ a, t, L, fmt }: Context): void {
  L.startSection();
  L.group('Sect', () => {
    L.heading(1, t('pdf.method_title'));
    L.paragraph(t('pdf.method_scoring', { weights: a.dimensions.map((d) => `${d.title} ${d.weight}`).join(', ') }), { size: 9.5, lineGap: 2.5 });
    L.paragraph(t('pdf.method_benchmarks'), { size: 9.5, lineGap: 2.5 });
    L.paragraph(t('report.method_sources'), { size: 9.5, lineGap: 2.5 });
    L.paragraph(t('pdf.privacy', { version: a.tool.version }), { size: 9.5, lineGap: 2.5 });

    const figures = new Map<string, BenchmarkComparison>();
    for (const d of a.dimensions) for (const b of d.benchmarks) figures.set(b.id, b);
    for (const c of a.digitalIntensity?.comparisons ?? []) figures.set(c.id, c);
    if (!figures.size) {
      L.heading(2, t('pdf.sources_figures'), 40);
      L.paragraph(t('pdf.sources_none'), { size: 9.5, color: COLOR.muted });
    } else {
      L.table(
        [
          { header: t('pdf.col_figure'), width: 34 },
          { header: t('pdf.col_value'), width: 10, align: 'right' },
          { header: t('pdf.col_population'), width: 20 },
          { header: t('pdf.col_year'), width: 8 },
          { header: t('report.col_publisher'), width: 28 },
        ],
        [...figures.values()].map((b) => [
          [{ text: b.title }],
          [{ text: figureValue(fmt, b), bold: true }],
          [{ text: b.population }],
          [{ text: String(b.year) }],
          [
            { text: sourceText(b, t), size: 7.5 },
            ...(b.dataset ? [{ text: t('report.source_dataset', { dataset: b.dataset }), size: 7, color: COLOR.muted }] : []),
            // A year alone says no more than the source line; a month or a day says when the page was read.
            ...(b.asOf && b.asOf.length > 4
              ? [{ text: asOfDate(t, fmt, b.asOf), size: 7, color: COLOR.muted }]
              : []),
            isUrl(b.source) ? { text: b.source, link: b.source, color: COLOR.accent, size: 7 } : { text: b.source, size: 7 },
          ],
        ]),
        { size: 8, heading: { level: 2, text: t('pdf.sources_figures') } },
      );
    }

    if (a.aids?.length) {
      L.table(
        [
          { header: t('pdf.col_aid'), width: 30 },
          { header: t('pdf.col_source'), width: 46 },
          { header: t('pdf.col_as_of'), width: 24 },
        ],
        a.aids.map((aid) => [
          [{ text: aid.name }],
          [aidLink(t, aid, aid.url ?? '', 7)],
          [
            { text: asOfText(t, fmt, aid) },
            ...(aid.confirmTerms ? [{ text: t('report.aid_confirm'), size: 7, color: COLOR.warn }] : []),
          ],
        ]),
        { size: 8, heading: { level: 2, text: t('pdf.sources_aids') } },
      );
    }
  });
}

// ---- appendix: answers and notes --------------------------------------------------------------------

/** What the firm answered, or why there is no answer ("not asked: an earlier answer rules it out"). */
function answerCell(t: Translate, q: AnsweredQuestion): TextPart[] {
  if (q.status === 'hidden') return [{ text: t(q.counted ? 'report.answer.hidden_counted' : 'report.answer.hidden_excluded'), color: COLOR.muted }];
  if (q.status === 'missing') return [{ text: t('report.answer.missing'), color: COLOR.muted }];
  return [{ text: q.answer.join(', '), bold: q.status === 'answered' }];
}

/** The points, worded as the scoring counts them: "7/10", "0/10 · counts as 0" or "not counted". */
function pointsText(t: Translate, fmt: Formats, q: AnsweredQuestion): string {
  const vars = { points: fmt.number(q.points), max: fmt.number(q.maxPoints) };
  if (!q.counted) return t(q.status === 'hidden' ? 'report.status.hidden_excluded' : 'report.status.notApplicable');
  if (q.status === 'hidden') return t('report.status.hidden_counted', vars);
  return t(`report.status.${q.status}`, vars);
}

export function appendix({ a, t, L, fmt }: Context): void {
  L.startSection();
  L.group('Sect', () => {
    L.heading(1, t('pdf.appendix_title'));
    L.paragraph(t('report.appendix_intro'), { size: 8.5, color: COLOR.muted, lineGap: 1.5 });
    if (a.profile.length) {
      L.table(
        [
          { header: t('pdf.col_question'), width: 45 },
          { header: t('pdf.col_answer'), width: 55 },
        ],
        a.profile.map((p) => [[{ text: p.label }], [{ text: p.display, bold: true }]]),
        { size: 8.5, heading: { level: 2, text: t('pdf.profile_title') } },
      );
    }
    for (const d of a.dimensions) {
      L.table(
        [
          { header: t('pdf.col_question'), width: 50 },
          { header: t('pdf.col_answer'), width: 31 },
          { header: t('pdf.col_points'), width: 19, align: 'right' },
        ],
        d.questions.map((q) => [[{ text: q.text }], answerCell(t, q), [{ text: pointsText(t, fmt, q), color: q.status === "answered" ? COLOR.ink : COLOR.muted }]]),
        { size: 8.5, heading: { level: 2, text: d.title } },
      );
    }
    const notes: [string, string][] = [];
    if (a.notes.profile) notes.push([t('pdf.note.profile'), a.notes.profile]);
    for (const d of a.dimensions) if (d.note) notes.push([d.title, d.note]);
    if (a.notes.general) notes.push([t('pdf.note.general'), a.notes.general]);
    if (notes.length) {
      L.heading(2, t('pdf.notes_title'), 40);
      L.list(notes.map(([label, text]) => [{ text: label, bold: true, size: 9 }, { text, size: 9.5 }]), { size: 9.5 });
    }
  });
}

// ---- running head and page numbers -----------------------------------------------------------------

/** The text cut with "…" so it fits on one line of `width`. */
function fitLine(L: Layout, text: string, width: number, style: { size: number }): string {
  const fits = (s: string) => L.font(style).widthOfString(s) <= width;
  if (fits(text)) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(`${text.slice(0, mid).trimEnd()}…`)) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

/** Draws the running head and "page n of m" on every page but the cover (pages must be buffered). */
export function pageFurniture({ a, t, L, fmt }: Context): void {
  const doc = L.doc;
  const range = doc.bufferedPageRange();
  const pages = range.count;
  for (let i = range.start + 1; i < range.start + pages; i++) {
    doc.switchToPage(i);
    L.artifact(() => {
      const headY = PAGE_MARGINS.top - 30;
      L.write(fitLine(L, t('pdf.running_head', { name: a.company.name || '—' }), L.width * 0.7, { size: 7.5 }), L.left, headY, L.width * 0.7, { size: 7.5, color: COLOR.muted });
      L.write(fmt.date(a.assessedOn), L.left + L.width * 0.7, headY, L.width * 0.3, { size: 7.5, color: COLOR.muted, align: 'right' });
      doc.moveTo(L.left, headY + 13).lineTo(L.right, headY + 13).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
      const footY = doc.page.height - PAGE_MARGINS.bottom + 22;
      doc.moveTo(L.left, footY - 6).lineTo(L.right, footY - 6).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
      L.write(`digiscan ${a.tool.version}`, L.left, footY, L.width / 2, { size: 7.5, color: COLOR.muted });
      L.write(t('pdf.page', { page: i - range.start + 1, pages }), L.left + L.width / 2, footY, L.width / 2, { size: 7.5, color: COLOR.muted, align: 'right' });
    });
  }
}
