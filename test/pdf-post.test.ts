// The post header read from the file (src/reports/pdf/post.ts) must equal fontkit's decoded one,
// field for field, for both report fonts; the per-version fields stay fontkit's.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { postHeaderOf } from '../src/reports/pdf/post.js';

const fileOf = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));

function load(bytes: Uint8Array): { post: Record<string, unknown> } {
  const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  probe.registerFont('f', Buffer.from(bytes));
  probe.font('f');
  return (probe as unknown as { _font: { font: { post: Record<string, unknown> } } })._font.font;
}

describe('post header', () => {
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    it(`is fontkit's for ${file}`, () => {
      const bytes = fileOf(file);
      const font = load(bytes);
      const ours = postHeaderOf(bytes, load(bytes))!;
      expect(ours).not.toBeNull();
      const { version, italicAngle, underlinePosition, underlineThickness, isFixedPitch, minMemType42, maxMemType42, minMemType1, maxMemType1 } = font.post;
      expect({ ...ours }).toEqual({ version, italicAngle, underlinePosition, underlineThickness, isFixedPitch, minMemType42, maxMemType42, minMemType1, maxMemType1 });
      expect((ours as unknown as { names: string[] }).names).toEqual(font.post.names);
    });
  }

  it('reads a signed italic angle and fixed pitch, and leaves unknown versions to fontkit', () => {
    const bytes = new Uint8Array(fileOf('DejaVuSans.ttf'));
    const view = new DataView(bytes.buffer);
    let post = 0;
    for (let i = 0; i < view.getUint16(4); i++) if (String.fromCharCode(...bytes.subarray(12 + 16 * i, 16 + 16 * i)) === 'post') post = view.getUint32(12 + 16 * i + 8);
    view.setInt32(post + 4, -11.5 * 65536 - 1);
    view.setUint32(post + 12, 1);
    const font = load(bytes);
    const ours = postHeaderOf(bytes, font)!;
    expect([ours.italicAngle, ours.isFixedPitch]).toEqual([font.post.italicAngle, font.post.isFixedPitch]);
    expect(ours.italicAngle).toBeLessThan(-11.5);
    view.setUint32(post, 0x00070000);
    expect(postHeaderOf(bytes, load(bytes))).toBeNull();
  });
});
