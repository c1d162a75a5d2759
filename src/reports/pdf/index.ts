// The PDF report: an A4, tagged (accessible) PDF 1.7 with an embedded Unicode font, drawn from the
// Assessment alone. pdfkit is loaded here only; callers import this module dynamically.
import type { Assessment } from '../../engine/assessment/types.js';
import type { Lang } from '../../core/lang.js';
import { formatDateWords, formatEuro, formatNumber, formatPercent } from '../../i18n/format.js';
import type { Translate } from '../../i18n/ui.js';
import { openReportDocument, pdfBytes } from './document.js';
import { useReportFonts } from './fonts.js';
import { Layout, PAGE_MARGINS } from './layout.js';
import { useShippedLines } from './shipped-lines.js';
import { advisorAnnex, coverIdentity, identityFurniture, planSection, summaryPage, type Edition } from './plan.js';
import { aidsSection, appendix, cover, dimensionSection, intensitySection, methodSection, overview, pageFurniture, type Formats } from './sections.js';

export interface PdfOptions {
  t: Translate;
  /** Fixed dates and document id, so the same assessment gives the same bytes (tests, reproducible builds). */
  deterministic?: boolean;
  /** Creation date written in the PDF; in deterministic mode defaults to noon UTC of the assessment day. */
  now?: Date;
  /** client (default): what the firm keeps; advisor: adds the annex for the advisor. */
  edition?: Edition;
  /** The advisor's logo (PNG or JPEG bytes), read by the caller. */
  logo?: Buffer | undefined;
}


/** Number, date and money formats of the report language: the i18n core's, as everywhere else. */
export function formats(lang: Lang): Formats {
  return {
    number: (value) => formatNumber(value, lang),
    percent: (value) => formatPercent(value, lang),
    date: (iso) => formatDateWords(iso, lang),
    amount: (euros) => formatEuro(euros, lang),
  };
}

export async function renderPdf(assessment: Assessment, options: PdfOptions): Promise<Buffer> {
  const { t } = options;
  const created = options.now ?? (options.deterministic ? new Date(`${assessment.assessedOn}T12:00:00Z`) : new Date());
  const title = t('assessment_of', { name: assessment.company.name || '—' });

  const { doc, PDFDocument } = await openReportDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    pdfVersion: '1.7',
    tagged: true,
    lang: assessment.language,
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    info: {
      Title: title,
      Author: `digiscan ${assessment.tool.version}`,
      Subject: t('pdf.subject'),
      Keywords: t('pdf.keywords'),
      Creator: `digiscan ${assessment.tool.version}`,
      // pdfkit derives the document id from these, so fixed dates give a fixed id.
      CreationDate: created,
      ModDate: created,
    },
  });
  const done = pdfBytes(doc);

  doc.addPage();
  useReportFonts(doc, PDFDocument);

  useShippedLines(assessment.language);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const ctx = { a: assessment, t, L: new Layout(doc, root), fmt: formats(assessment.language) };
  const edition = options.edition ?? 'client';
  cover(ctx);
  coverIdentity(ctx, { edition, logo: options.logo });
  summaryPage(ctx);
  overview(ctx);
  assessment.dimensions.forEach((d, i) => dimensionSection(ctx, d, i));
  planSection(ctx);
  aidsSection(ctx);
  intensitySection(ctx);
  methodSection(ctx);
  appendix(ctx);
  if (edition === 'advisor') advisorAnnex(ctx);
  root.end();
  pageFurniture(ctx);
  identityFurniture(ctx);
  doc.end();
  return done;
}
export { takeReplacedCount } from './glyphs.js';
