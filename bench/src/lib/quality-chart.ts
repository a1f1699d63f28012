/** A dependency-free SVG of score histograms by relevance grade (bench/results/match-score-distributions.svg). */

export interface HistogramPanel {
  title: string;
  values: number[];
  /** Upper end of the axis (1 for cosines and factors, 100 for match scores). */
  max: number;
  /** Vertical lines (label thresholds). */
  thresholds?: number[];
}

const GRADE_STYLE: Record<number, { color: string; name: string }> = {
  2: { color: '#1b9e77', name: 'same occupation (grade 2)' },
  1: { color: '#d95f02', name: 'near miss (grade 1)' },
  0: { color: '#7570b3', name: 'unrelated (grade 0)' },
};
const BINS = 25;
const PANEL = { width: 460, height: 220, left: 45, right: 15, top: 30, bottom: 35 };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Each grade's histogram as a share of that grade's pairs (the grades differ a lot in size). */
function panelSvg(panel: HistogramPanel, grades: number[], x0: number, y0: number): string {
  const plotWidth = PANEL.width - PANEL.left - PANEL.right;
  const plotHeight = PANEL.height - PANEL.top - PANEL.bottom;
  const shares: Record<number, number[]> = {};
  let peak = 0;
  for (const grade of [2, 1, 0]) {
    const counts = new Array<number>(BINS).fill(0);
    let total = 0;
    panel.values.forEach((value, index) => {
      if (grades[index] !== grade) return;
      const bin = Math.min(BINS - 1, Math.max(0, Math.floor((value / panel.max) * BINS)));
      counts[bin]! += 1;
      total += 1;
    });
    shares[grade] = counts.map((count) => count / Math.max(1, total));
    peak = Math.max(peak, ...shares[grade]!);
  }
  const x = (value: number) => x0 + PANEL.left + (value / panel.max) * plotWidth;
  const y = (share: number) => y0 + PANEL.top + plotHeight - (share / peak) * plotHeight;
  const parts = [`<text x="${x0 + PANEL.left}" y="${y0 + 18}" font-size="13" font-weight="bold">${escape(panel.title)}</text>`];
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(panel.max)}" y2="${y(0)}" stroke="#333"/>`);
  for (let tick = 0; tick <= 4; tick++) {
    const value = (panel.max * tick) / 4;
    parts.push(`<text x="${x(value)}" y="${y(0) + 15}" font-size="10" text-anchor="middle">${panel.max === 1 ? value.toFixed(2) : value.toFixed(0)}</text>`);
  }
  parts.push(`<text x="${x0 + 12}" y="${y0 + PANEL.top + plotHeight / 2}" font-size="10" transform="rotate(-90 ${x0 + 12} ${y0 + PANEL.top + plotHeight / 2})" text-anchor="middle">share of pairs of the grade</text>`);
  for (const threshold of panel.thresholds ?? []) {
    parts.push(`<line x1="${x(threshold)}" y1="${y0 + PANEL.top}" x2="${x(threshold)}" y2="${y(0)}" stroke="#999" stroke-dasharray="4 3"/>`);
  }
  for (const grade of [0, 1, 2]) {
    const points = shares[grade]!.map((share, bin) => `${x(((bin + 0.5) / BINS) * panel.max).toFixed(1)},${y(share).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${GRADE_STYLE[grade]!.color}" stroke-width="2" points="${points.join(' ')}"/>`);
  }
  return parts.join('\n');
}

export function renderDistributionsSvg(panels: HistogramPanel[], grades: number[]): string {
  const columns = 2;
  const rows = Math.ceil(panels.length / columns);
  const width = columns * PANEL.width;
  const height = rows * PANEL.height + 40;
  const body = panels.map((panel, index) => panelSvg(panel, grades, (index % columns) * PANEL.width, Math.floor(index / columns) * PANEL.height));
  const legend = [2, 1, 0].map((grade, index) => {
    const lx = 20 + index * 250;
    const ly = rows * PANEL.height + 20;
    return `<line x1="${lx}" y1="${ly}" x2="${lx + 25}" y2="${ly}" stroke="${GRADE_STYLE[grade]!.color}" stroke-width="3"/><text x="${lx + 32}" y="${ly + 4}" font-size="12">${GRADE_STYLE[grade]!.name}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${body.join('\n')}\n${legend.join('\n')}\n<text x="${width - 10}" y="${height - 6}" font-size="10" text-anchor="end">dashed: label thresholds 35 / 55 / 75 (Partial / Good / Strong)</text>\n</svg>\n`;
}
