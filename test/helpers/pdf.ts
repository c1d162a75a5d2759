// Reads a PDF back with pdfjs-dist: text per page, metadata, links and structure roles.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfDigest {
  pages: string[];
  /** Each page's text outside artifacts (running heads, page numbers): what a screen reader reads. */
  content: string[];
  /** All pages' text, whitespace collapsed. */
  text: string;
  info: Record<string, unknown>;
  marked: boolean;
  links: string[];
  roles: Set<string>;
  alts: string[];
}

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfDigest> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const content: string[] = [];
  const links: string[] = [];
  const roles = new Set<string>();
  const alts: string[] = [];
  const walk = (node: StructNode | null | undefined) => {
    if (!node) return;
    if (node.role) roles.add(node.role);
    if (node.alt) alts.push(node.alt);
    node.children?.forEach(walk);
  };
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const items = (await page.getTextContent({ includeMarkedContent: true })).items as { str?: string; type?: string; tag?: string }[];
    const all: string[] = [];
    const tagged: string[] = [];
    const open: string[] = [];
    for (const item of items) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(item.tag ?? '');
      else if (item.type === 'endMarkedContent') open.pop();
      else if (item.str !== undefined) {
        all.push(item.str);
        if (!open.includes('Artifact')) tagged.push(item.str);
      }
    }
    pages.push(all.join(' ').replace(/\s+/g, ' ').trim());
    content.push(tagged.join(' ').replace(/\s+/g, ' ').trim());
    for (const a of await page.getAnnotations()) if (a.url) links.push(a.url as string);
    walk((await page.getStructTree()) as StructNode | null);
  }
  const meta = await doc.getMetadata();
  const markInfo = await doc.getMarkInfo();
  await doc.destroy();
  return { pages, content, text: pages.join(' '), info: meta.info as Record<string, unknown>, marked: Boolean(markInfo?.Marked), links, roles, alts };
}

/** Without any whitespace, so text wrapped over lines (or cells) still matches. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
