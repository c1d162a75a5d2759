// The report's pdfkit document: pdfkit's own class with shortcuts that change nothing a reader sees
// (bench/identical.mjs compares the pages before and after with pdf.js):
// - page content is handed to pdfkit once per page, not operator by operator (pdfkit turns every
//   chunk it is given into its own byte array, and a report paints tens of thousands of operators),
//   compressed here at a zlib level chosen by measurement (the one place bytes change: the same
//   operators, compressed a little less tightly);
// - the finished file is passed on in blocks of about 64 KB, not line by line, its lines turned into
//   bytes a block at a time rather than one array per line (`_write`);
// - word widths are remembered per font for the whole process: the line breaker asks for the width of
//   every word of every line, and the same words come back in every report.
// Only the public `addContent`, `addPage`, `switchToPage`, `flushPages`, `font` and `widthOfString`
// methods, the stream's `push` and the private `_write` are overridden, and a page's content object is
// written directly:
// pdfkit is pinned (package.json) and test/pdf-caches.test.ts checks the pages still read back.
import { deflateSync } from 'node:zlib';
import { SharedCache } from './shared-cache.js';

type PdfDocumentClass = typeof import('pdfkit');

interface PdfPage {
  write(chunk: string): void;
  markings: unknown[];
  content: { compress: boolean; buffer: unknown[]; data: { Filter?: string }; write(chunk: Uint8Array): void };
}

/** Word widths at size 1000 per font (pure: the font's advances only), kept for good once they repeat across documents. */
const widths = new Map<string, SharedCache<number>>();
const WIDTHS_LIMIT = 50_000;
const OUT_BLOCK = 64 * 1024;
/** zlib level of the page content, by measurement (bench/zlib.mjs): 3 costs half of zlib's default 6 for about 8 KB more a report. */
const CONTENT_LEVEL = 3;
/** Operators gathered before they are turned into bytes (see flushContent). */
const PENDING_OPERATORS = 512;

export function reportDocumentClass(PDFDocument: PdfDocumentClass) {
  class ReportDocument extends PDFDocument {
    // Fields are declared only, never initialised: pdfkit's constructor calls the overridden methods
    // (push, and font when a default font is given) before class fields would be initialised.
    declare private pendingPage: PdfPage | undefined;
    declare private pending: string[] | undefined;
    declare private fontName: string | undefined;
    declare private fontWidths: SharedCache<number> | undefined;
    declare private pageTexts: Map<PdfPage, Buffer[]> | undefined;

    /**
     * Turns the operators waiting for the current page into bytes, filed with the rest of that page's
     * content. Kept as strings until the document ends, a page's operators outlived two young-generation
     * collections and were copied into the old generation (most of what a report promoted): as bytes
     * they are held outside the JavaScript heap, and the strings die young.
     */
    private flushContent(): void {
      if (this.pendingPage && this.pending?.length) {
        this.pending.push('');
        const bytes = Buffer.from(this.pending.join('\n'), 'latin1');
        const page = this.pendingPage;
        const earlier = (this.pageTexts ??= new Map()).get(page);
        if (earlier) earlier.push(bytes);
        else this.pageTexts.set(page, [bytes]);
      }
      this.pending = [];
    }

    /**
     * Hands each page's content to pdfkit in one piece, compressed here at CONTENT_LEVEL (pdfkit
     * would compress it at zlib's default level): the same operators, the same Flate filter.
     */
    private writePages(): void {
      for (const [page, chunks] of this.pageTexts ?? []) {
        const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const content = page.content;
        if (content.compress && !content.buffer.length && !page.markings.length) {
          content.compress = false;
          content.data.Filter = 'FlateDecode';
          content.write(deflateSync(bytes, { level: CONTENT_LEVEL }));
        } else {
          page.write(bytes.toString('latin1', 0, bytes.length - 1));
        }
      }
      this.pageTexts = undefined;
    }

    override addContent(data: string): this {
      const page = (this as unknown as { page: PdfPage }).page;
      if (page !== this.pendingPage) {
        this.flushContent();
        this.pendingPage = page;
      }
      const pending = (this.pending ??= []);
      pending.push(data);
      if (pending.length >= PENDING_OPERATORS) this.flushContent();
      return this;
    }

    override addPage(options?: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
      this.flushContent();
      // Without page buffering pdfkit ends the current page here: its content must be written first.
      if (!(this as unknown as { options: { bufferPages?: boolean } }).options.bufferPages) this.writePages();
      return super.addPage(options);
    }

    override switchToPage(n?: number): PDFKit.PDFPage {
      this.flushContent();
      return super.switchToPage(n);
    }

    override flushPages(): void {
      this.flushContent();
      this.writePages();
      super.flushPages();
    }

    declare private outgoing: Uint8Array[] | undefined;
    declare private outgoingBytes: number | undefined;
    declare private outText: string | undefined;
    declare private _offset: number;

    /**
     * pdfkit's `_write`: a line of the file (a string, then a newline) or bytes, counted into the offsets
     * of the cross-reference table. pdfkit turns every line into its own byte array, a character at a
     * time; here the lines are gathered and turned into bytes a block at a time (latin1: the low byte of
     * each character, as pdfkit takes it), the bytes keeping their place between them.
     */
    _write(data: unknown): void {
      if (data instanceof Uint8Array) {
        this.flushText();
        this.push(data);
        this._offset += data.length;
        return;
      }
      const line = `${data as string}\n`;
      this.outText = this.outText === undefined ? line : this.outText + line;
      this._offset += line.length;
      if (this.outText.length >= OUT_BLOCK) this.flushText();
    }

    private flushText(): void {
      const text = this.outText;
      if (!text) return;
      this.outText = undefined;
      this.push(Buffer.from(text, 'latin1'));
    }

    /**
     * pdfkit pushes every line of every object (several per object, thousands of objects) into its
     * stream: pass them on in blocks of about 64 KB instead (the same bytes, in fewer chunks).
     */
    override push(chunk: unknown, encoding?: BufferEncoding): boolean {
      if (chunk instanceof Uint8Array && chunk.length < OUT_BLOCK) {
        (this.outgoing ??= []).push(chunk);
        this.outgoingBytes = (this.outgoingBytes ?? 0) + chunk.length;
        if (this.outgoingBytes < OUT_BLOCK) return true;
      } else if (chunk !== null) {
        this.flushOutgoing();
        return super.push(chunk, encoding);
      }
      if (chunk === null) this.flushText();
      this.flushOutgoing();
      return chunk === null ? super.push(null) : true;
    }

    private flushOutgoing(): void {
      if (!this.outgoing?.length) return;
      const block = Buffer.concat(this.outgoing, this.outgoingBytes);
      this.outgoing = [];
      this.outgoingBytes = 0;
      super.push(block);
    }

    override font(src: PDFKit.Mixins.PDFFontSource, family?: string | number, size?: number): this {
      super.font(src, family as string, size);
      const name = typeof src === 'string' ? src : undefined;
      if (name !== this.fontName) {
        this.fontName = name;
        this.fontWidths = name === undefined ? undefined : widths.get(name);
        if (name !== undefined && !this.fontWidths) widths.set(name, (this.fontWidths = new SharedCache(WIDTHS_LIMIT)));
      }
      return this;
    }

    override widthOfString(text: string, options: PDFKit.Mixins.TextOptions & { horizontalScaling?: number } = {}): number {
      const cache = this.fontWidths;
      if (!cache || options.features) return super.widthOfString(text, options);
      // pdfkit's own sum for this font at size 1000, scaled below exactly as pdfkit scales it.
      const width = cache.get(this, text, () => (this as unknown as { _font: { widthOfString(s: string, size: number): number } })._font.widthOfString(text, 1000));
      const size = (this as unknown as { _fontSize: number })._fontSize;
      const horizontalScaling = options.horizontalScaling || 100;
      return ((width * (size / 1000)) + (options.characterSpacing || 0) * (text.length - 1)) * horizontalScaling / 100;
    }
  }
  return ReportDocument;
}

let ReportDocument: ReturnType<typeof reportDocumentClass> | undefined;

/**
 * A new document of the PDF reports (the assessment report, the progress report): the class above,
 * with no standard font. pdfkit otherwise loads Helvetica's metrics at once; the reports embed their
 * own fonts (fonts.ts), and the bundle ships without pdfkit's standard-font data.
 * Returns pdfkit's class too, for useReportFonts.
 */
export async function openReportDocument(options: PDFKit.PDFDocumentOptions): Promise<{ doc: PDFKit.PDFDocument; PDFDocument: PdfDocumentClass }> {
  const { default: PDFDocument } = await import('pdfkit');
  ReportDocument ??= reportDocumentClass(PDFDocument);
  return { doc: new ReportDocument({ ...options, font: null as unknown as string }), PDFDocument };
}

/** The bytes of a document once it is ended (collect before calling `end()`). */
export function pdfBytes(doc: NodeJS.EventEmitter): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
