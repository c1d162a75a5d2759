// The progress report: one or two A4 pages (tagged PDF, embedded font) that show a firm what moved
// between two assessments. Reuses the report's fonts, colours and layout; pdfkit is loaded here only.
import type { Progress } from '../engine/progress/index.js';
import { formatDateWords } from '../i18n/format.js';
import type { Translate } from '../i18n/ui.js';
import { drawBar } from './pdf/charts.js';
import { openReportDocument, pdfBytes } from './pdf/document.js';
import { useReportFonts } from './pdf/fonts.js';
import { COLOR, Layout, levelColor, PAGE_MARGINS, type TextPart } from './pdf/layout.js';
import { methodNotes, progressHeader, regressedText, signed, type ProgressWords } from './progress.js';

export interface ProgressPdfOptions {
  t: Translate;
  words: ProgressWords;
  toolVersion: string;
  /** Fixed dates and document id (noon UTC of the later assessment), for reproducible files. */
  deterministic?: boolean;
}

export async function renderProgressPdf(p: Progress, options: ProgressPdfOptions): Promise<Buffer> {
  const { t, words: w } = options;
  const created = options.deterministic ? new Date(`${p.after.assessedOn}T12:00:00Z`) : new Date();
  const head = progressHeader(p, w, t);
  const { doc, PDFDocument } = await openReportDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    pdfVersion: '1.7',
    tagged: true,
    lang: w.lang,
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: head.title, Author: `digiscan ${options.toolVersion}`, Subject: t('compare.pdf.subject'), Creator: `digiscan ${options.toolVersion}`, CreationDate: created, ModDate: created },
  });
  const done = pdfBytes(doc);
  doc.addPage();
  useReportFonts(doc, PDFDocument);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const L = new Layout(doc, root);

  L.heading(1, head.title);
  L.paragraph(`${head.period} · ${head.paired}`, { size: 10, color: COLOR.muted }, { after: 10 });

  // The overall change, large.
  const o = p.overall;
  const overallLine = t('compare.overall_line', { label: t('overall'), before: o.before, after: o.after, delta: signed(o.delta, w.lang) });
  L.paragraph(overallLine, { size: 16, bold: true, color: o.delta !== null && o.delta > 0 ? COLOR.good : o.delta !== null && o.delta < 0 ? COLOR.bad : COLOR.ink }, { after: 2 });
  L.paragraph(t('compare.level_line', { before: w.level(o.levelBefore), after: w.level(o.levelAfter) }), { size: 10, color: COLOR.muted }, { after: 10 });
  const notes = methodNotes(p, w, t);
  if (notes.length) {
    L.heading(2, t('compare.pdf.method'), 30);
    for (const note of notes) L.paragraph(`! ${note}`, { size: 9, color: COLOR.warn }, { after: 3 });
  }

  // Chart: two bars per area, before (light) and after (level colour), with the scores and the change.
  L.heading(2, t('compare.pdf.chart'), 40);
  const rowH = 26;
  const chartH = p.dimensions.length * rowH + 18;
  const alt = t('compare.pdf.chart_alt', {
    list: p.dimensions.map((d) => `${w.dimension(d.id)}: ${d.reason === 'only-after' ? '—' : d.before} → ${d.reason === 'only-before' ? '—' : d.after}`).join('; '),
  });
  L.figure(alt, chartH, (x, y, width) => {
    const labelW = width * 0.34;
    const barX = x + labelW + 6;
    const deltaW = 44;
    const barW = width - labelW - 6 - deltaW - 34;
    p.dimensions.forEach((d, i) => {
      const top = y + i * rowH;
      L.write(w.dimension(d.id), x, top + 4, labelW, { size: 8.5 });
      if (d.reason !== 'only-after') {
        drawBar(L, barX, top + 2, barW, 8, d.before, COLOR.primaryLight);
        L.write(String(d.before), barX + barW + 4, top + 1, 30, { size: 7.5, color: COLOR.muted });
      }
      if (d.reason !== 'only-before') {
        drawBar(L, barX, top + 12, barW, 8, d.after, levelColor(d.levelAfter));
        L.write(String(d.after), barX + barW + 4, top + 11, 30, { size: 7.5, bold: true });
      }
      const color = d.delta === null || d.delta === 0 ? COLOR.muted : d.delta > 0 ? COLOR.good : COLOR.bad;
      L.write(signed(d.delta, w.lang), x + width - deltaW, top + 5, deltaW, { size: 9, bold: true, color, align: 'right' });
    });
    // Legend.
    const ly = y + p.dimensions.length * rowH + 4;
    doc.rect(barX, ly + 2, 10, 6).fill(COLOR.primaryLight);
    L.write(`${t('compare.before')} (${formatDateWords(p.before.assessedOn, w.lang)})`, barX + 14, ly, 160, { size: 7.5, color: COLOR.muted });
    // The after bars take their level's colour: the swatch shows the three.
    [COLOR.bad, COLOR.warn, COLOR.good].forEach((color, k) => doc.rect(barX + 180 + k * 4, ly + 2, 4, 6).fill(color));
    L.write(`${t('compare.after')} (${formatDateWords(p.after.assessedOn, w.lang)})`, barX + 194, ly, 160, { size: 7.5, color: COLOR.muted });
  });

  // The same figures as a table, with the levels.
  const rows: TextPart[][][] = [o, ...p.dimensions].map((d, i) => {
    const dim = i === 0 ? undefined : p.dimensions[i - 1]!;
    const label = dim ? w.dimension(dim.id) : t('overall');
    const before = dim?.reason === 'only-after' ? '—' : `${d.before} · ${w.level(d.levelBefore)}`;
    const after = dim?.reason === 'only-before' ? '—' : `${d.after} · ${w.level(d.levelAfter)}`;
    return [[{ text: label, bold: i === 0 }], [{ text: before }], [{ text: after }], [{ text: signed(d.delta, w.lang), bold: true }]];
  });
  L.table(
    [
      { header: t('compare.area'), width: 3.2 },
      { header: t('compare.before'), width: 2 },
      { header: t('compare.after'), width: 2 },
      { header: t('compare.change'), width: 1, align: 'right' },
    ],
    rows,
    { heading: { level: 2, text: t('compare.pdf.scores') } },
  );

  const list = (title: string, items: string[], marker: string, markerColor: string) => {
    if (!items.length) return;
    L.heading(2, `${title} (${items.length})`, 30);
    L.list(
      items.map((text) => [{ text }]),
      { marker: () => marker, markerColor, size: 9.5 },
    );
  };
  list(t('compare.steps_done'), p.steps.done.map((s) => w.step(s.questionId)), '✓', COLOR.good);
  list(t('compare.steps_open'), p.steps.open.map((s) => w.step(s.questionId) + (s.shareAfter !== null && s.shareAfter > s.shareBefore ? ` (${t('compare.improved')})` : '')), '•', COLOR.accent);
  list(t('compare.steps_gone'), p.steps.gone.map((s) => w.step(s.questionId)), '–', COLOR.muted);
  list(t('compare.new_strengths'), p.newStrengths.map((s) => w.practice(s.questionId)), '+', COLOR.good);
  list(t('compare.regressed'), p.regressed.map((s) => regressedText(s.questionId, w, t)), '↓', COLOR.bad);
  list(t('compare.aids'), p.aids.map((a) => w.aid(a.id) + (a.new ? ` (${t('compare.aid_new')})` : '')), '•', COLOR.accent);
  L.space(6);
  L.paragraph(t('compare.pdf.footer', { version: options.toolVersion }), { size: 7.5, color: COLOR.muted });
  root.end();

  // Page numbers and the firm's name on every page (decoration, outside the reading order).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    L.artifact(() => {
      const footY = doc.page.height - PAGE_MARGINS.bottom + 22;
      doc.moveTo(L.left, footY - 6).lineTo(L.right, footY - 6).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
      L.write(`digiscan ${options.toolVersion} · ${w.company}`, L.left, footY, L.width * 0.7, { size: 7.5, color: COLOR.muted });
      L.write(t('pdf.page', { page: i - range.start + 1, pages: range.count }), L.left + L.width * 0.7, footY, L.width * 0.3, { size: 7.5, color: COLOR.muted, align: 'right' });
    });
  }
  doc.end();
  return done;
}
