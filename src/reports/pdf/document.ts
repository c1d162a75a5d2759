// The report's pdfkit document: pdfkit's own class with two shortcuts that change no byte of the
// output (bench/identical.mjs compares the pages before and after):
// - page content is handed to pdfkit once per page run, not operator by operator: pdfkit turns every
//   chunk it is given into its own byte array, and a report paints tens of thousands of operators;
// - word widths are remembered per font for the whole process: the line breaker asks for the width of
//   every word of every line, and the same words come back in every report.
// Only the public `addContent`, `addPage`, `switchToPage`, `flushPages`, `font` and `widthOfString`
// methods are overridden; pdfkit is pinned (package.json) because its page writing is relied on here.
type PdfDocumentClass = typeof import('pdfkit');

interface PdfPage {
  write(chunk: string): void;
}

/** Word widths at size 1000 per font (pure: the font's advances only), shared by all documents. */
const widths = new Map<string, Map<string, number>>();
const WIDTHS_LIMIT = 50_000;

export function reportDocumentClass(PDFDocument: PdfDocumentClass) {
  class ReportDocument extends PDFDocument {
    private pendingPage: PdfPage | undefined;
    private pending: string[] = [];
    private fontName: string | undefined;
    private fontWidths: Map<string, number> | undefined;

    /** Writes the operators waiting for the current page as one chunk (what pdfkit would write, joined). */
    private flushContent(): void {
      if (this.pendingPage && this.pending.length) this.pendingPage.write(this.pending.join('\n'));
      this.pending = [];
      this.pendingPage = undefined;
    }

    override addContent(data: string): this {
      const page = (this as unknown as { page: PdfPage }).page;
      if (page !== this.pendingPage) {
        this.flushContent();
        this.pendingPage = page;
      }
      this.pending.push(data);
      return this;
    }

    override addPage(options?: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
      this.flushContent();
      return super.addPage(options);
    }

    override switchToPage(n?: number): PDFKit.PDFPage {
      this.flushContent();
      return super.switchToPage(n);
    }

    override flushPages(): void {
      this.flushContent();
      super.flushPages();
    }

    override font(src: PDFKit.Mixins.PDFFontSource, family?: string | number, size?: number): this {
      super.font(src, family as string, size);
      const name = typeof src === 'string' ? src : undefined;
      if (name !== this.fontName) {
        this.fontName = name;
        this.fontWidths = name === undefined ? undefined : widths.get(name);
        if (name !== undefined && !this.fontWidths) widths.set(name, (this.fontWidths = new Map()));
      }
      return this;
    }

    override widthOfString(text: string, options: PDFKit.Mixins.TextOptions & { horizontalScaling?: number } = {}): number {
      const cache = this.fontWidths;
      if (!cache || options.features) return super.widthOfString(text, options);
      let width = cache.get(text);
      if (width === undefined) {
        // pdfkit's own sum for this font at size 1000, scaled below exactly as pdfkit scales it.
        width = (this as unknown as { _font: { widthOfString(s: string, size: number): number } })._font.widthOfString(text, 1000);
        if (cache.size >= WIDTHS_LIMIT) cache.clear();
        cache.set(text, width);
      }
      const size = (this as unknown as { _fontSize: number })._fontSize;
      const horizontalScaling = options.horizontalScaling || 100;
      return ((width * (size / 1000)) + (options.characterSpacing || 0) * (text.length - 1)) * horizontalScaling / 100;
    }
  }
  return ReportDocument;
}
