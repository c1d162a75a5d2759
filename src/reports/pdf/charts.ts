// Vector charts of the PDF report, drawn with pdfkit paths (no images): radar, bars and the DII gauge.
import { COLOR, levelColor, type Layout } from './layout.js';

export interface RadarAxis {
  label: string;
  score: number;
  level: number;
}

/**
 * Radar of the firm's dimension scores (0–100). No comparable-firm overlay: a share of firms doing one
 * practice is another quantity, and on the same axis it would read as "ahead of" or "behind" peers.
 */
export function drawRadar(layout: Layout, axes: RadarAxis[], box: { x: number; y: number; width: number; height: number }): void {
  const doc = layout.doc;
  const n = axes.length;
  if (n < 3) return;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2 + 4;
  const radius = Math.min(box.height / 2 - 26, box.width / 2 - 130);
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const point = (i: number, value: number): [number, number] => {
    const r = (Math.max(0, Math.min(100, value)) / 100) * radius;
    return [cx + r * Math.cos(angle(i)), cy + r * Math.sin(angle(i))];
  };

  doc.save();
  // Grid rings every 20 points and the spokes.
  for (let ring = 20; ring <= 100; ring += 20) {
    const pts = axes.map((_, i) => point(i, ring));
    doc.polygon(...pts).lineWidth(ring === 100 ? 0.8 : 0.4).strokeColor(COLOR.rule).stroke();
  }
  axes.forEach((_, i) => {
    const [x, y] = point(i, 100);
    doc.moveTo(cx, cy).lineTo(x, y).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
  });
  layout.style({ size: 6.5, color: COLOR.muted });
  // Ring values sit between the first two spokes, away from the spokes' labels and markers.
  const between = -Math.PI / 2 + Math.PI / n;
  for (let ring = 20; ring < 100; ring += 20) {
    const r = (ring / 100) * radius;
    doc.text(String(ring), cx + r * Math.cos(between) - 5, cy + r * Math.sin(between) - 4, { lineBreak: false });
  }

  // The firm.
  const firm = axes.map((a, i) => point(i, a.score));
  doc.polygon(...firm).fillOpacity(0.22).fill(COLOR.primary);
  doc.fillOpacity(1);
  doc.polygon(...firm).lineWidth(1.6).strokeColor(COLOR.primary).stroke();
  firm.forEach(([x, y]) => doc.circle(x, y, 2.4).fill(COLOR.primary));

  // Axis labels with the score, placed outside the outer ring.
  const labelWidth = 118;
  axes.forEach((a, i) => {
    const [x, y] = point(i, 112);
    const cos = Math.cos(angle(i));
    const align = Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right';
    const lx = align === 'center' ? x - labelWidth / 2 : align === 'left' ? x : x - labelWidth;
    const title = layout.heightOf(a.label, labelWidth, { size: 8.5, bold: true });
    const total = title + 11;
    const ly = Math.sin(angle(i)) < -0.5 ? y - total : Math.sin(angle(i)) > 0.5 ? y - 2 : y - total / 2;
    layout.style({ size: 8.5, bold: true }).text(layout.fitWords(a.label, labelWidth), lx, ly, { width: labelWidth, align, lineGap: 1 });
    layout.style({ size: 8.5, bold: true, color: levelColor(a.level) }).text(`${a.score}/100`, lx, ly + title, { width: labelWidth, align, lineBreak: false });
  });
  doc.restore();
}

/** Legend line: a swatch and its text, side by side. */
export function drawLegend(layout: Layout, items: { label: string; color: string; dashed?: boolean }[], x: number, y: number, width: number): number {
  const doc = layout.doc;
  let cursor = y;
  for (const item of items) {
    doc.save();
    if (item.dashed) doc.dash(3, { space: 2 });
    doc.moveTo(x, cursor + 5).lineTo(x + 18, cursor + 5).lineWidth(item.dashed ? 1.2 : 2).strokeColor(item.color).stroke();
    doc.undash().restore();
    const h = layout.write(item.label, x + 24, cursor, width - 24, { size: 8, color: COLOR.muted });
    cursor += h + 3;
  }
  return cursor - y;
}

/** A horizontal bar of `value` out of 100 on a light track. */
export function drawBar(layout: Layout, x: number, y: number, width: number, height: number, value: number, color: string): void {
  const doc = layout.doc;
  const v = Math.max(0, Math.min(100, value));
  doc.roundedRect(x, y, width, height, height / 2).fill(COLOR.shade);
  if (v > 0) doc.roundedRect(x, y, Math.max(height, (width * v) / 100), height, height / 2).fill(color);
}

/** The score ring of the cover: an arc proportional to the score with the number inside. */
export function drawScoreRing(layout: Layout, cx: number, cy: number, radius: number, score: number, level: number): void {
  const doc = layout.doc;
  const v = Math.max(0, Math.min(100, score));
  doc.circle(cx, cy, radius).lineWidth(9).strokeColor(COLOR.shade).stroke();
  if (v > 0) {
    const start = -Math.PI / 2;
    const end = start + (2 * Math.PI * Math.min(v, 99.9)) / 100;
    const sx = cx + radius * Math.cos(start);
    const sy = cy + radius * Math.sin(start);
    const ex = cx + radius * Math.cos(end);
    const ey = cy + radius * Math.sin(end);
    const large = end - start > Math.PI ? 1 : 0;
    doc.path(`M ${sx} ${sy} A ${radius} ${radius} 0 ${large} 1 ${ex} ${ey}`).lineWidth(9).lineCap('round').strokeColor(levelColor(level)).stroke();
  }
  layout.style({ size: 30, bold: true, color: COLOR.ink });
  const h = doc.currentLineHeight();
  doc.text(String(score), cx - radius, cy - h / 2 - 6, { width: 2 * radius, align: 'center', lineBreak: false });
  layout.style({ size: 9, color: COLOR.muted });
  doc.text('/100', cx - radius, cy + h / 2 - 6, { width: 2 * radius, align: 'center', lineBreak: false });
}

/** The Digital Intensity gauge: 12 cells, the met ones filled, with the basic-level threshold marked. */
export function drawIntensityGauge(layout: Layout, box: { x: number; y: number; width: number }, count: number, max: number, threshold: number, thresholdLabel: string): number {
  const doc = layout.doc;
  const gap = 3;
  const cell = (box.width - gap * (max - 1)) / max;
  const height = 18;
  const top = box.y + 14;
  for (let i = 0; i < max; i++) {
    const x = box.x + i * (cell + gap);
    const filled = i < count;
    doc.rect(x, top, cell, height).fill(filled ? (count >= threshold ? COLOR.good : COLOR.warn) : COLOR.shade);
    layout.style({ size: 7, color: filled ? COLOR.white : COLOR.muted });
    doc.text(String(i + 1), x, top + 5, { width: cell, align: 'center', lineBreak: false });
  }
  // Threshold marker before cell `threshold`.
  const tx = box.x + (threshold - 1) * (cell + gap) - gap / 2;
  doc.moveTo(tx, box.y + 8).lineTo(tx, top + height + 4).lineWidth(1.4).strokeColor(COLOR.ink).stroke();
  layout.style({ size: 7.5, bold: true, color: COLOR.ink });
  doc.text(thresholdLabel, tx + 3, box.y, { lineBreak: false });
  return top + height + 6 - box.y;
}
