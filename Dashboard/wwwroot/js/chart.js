// A small SVG chart of a metric's recent values with its adaptive band (lower..upper); values outside the band are marked.
// Accepts the points as {timestamp|at|time, value, lower, upper} (lower/upper optional).

const NS = "http://www.w3.org/2000/svg";

function el(name, attrs) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function time(p) {
  return new Date(p.timestamp ?? p.at ?? p.time ?? p.t).getTime();
}

/** @returns {SVGSVGElement|null} */
export function metricChart(points, { width = 360, height = 110, label = "metric" } = {}) {
  const data = (points ?? []).filter(p => Number.isFinite(p.value)).map(p => ({ t: time(p), v: p.value, lo: p.lower, hi: p.upper }))
    .filter(p => Number.isFinite(p.t)).sort((a, b) => a.t - b.t);
  if (data.length === 0) return null;
  const values = data.flatMap(p => [p.v, p.lo, p.hi]).filter(Number.isFinite);
  let min = Math.min(...values), max = Math.max(...values);
  if (min === max) { min -= 1; max += 1; }
  const pad = { l: 38, r: 6, t: 6, b: 14 };
  const t0 = data[0].t, t1 = data.length > 1 ? data[data.length - 1].t : t0 + 1;
  const sx = t => pad.l + (t - t0) / (t1 - t0) * (width - pad.l - pad.r);
  const sy = v => pad.t + (1 - (v - min) / (max - min)) * (height - pad.t - pad.b);
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${label}: ${data.length} recent values with the adaptive band` });
  svg.dataset.points = String(data.length);
  const banded = data.filter(p => Number.isFinite(p.lo) && Number.isFinite(p.hi));
  if (banded.length > 1) {
    const top = banded.map(p => `${sx(p.t).toFixed(1)},${sy(p.hi).toFixed(1)}`);
    const bottom = banded.slice().reverse().map(p => `${sx(p.t).toFixed(1)},${sy(p.lo).toFixed(1)}`);
    svg.append(el("polygon", { class: "band", points: [...top, ...bottom].join(" ") }));
  }
  svg.append(el("polyline", { class: "line", points: data.map(p => `${sx(p.t).toFixed(1)},${sy(p.v).toFixed(1)}`).join(" ") }));
  for (const p of data) {
    if ((Number.isFinite(p.hi) && p.v > p.hi) || (Number.isFinite(p.lo) && p.v < p.lo)) {
      svg.append(el("circle", { class: "outside", cx: sx(p.t).toFixed(1), cy: sy(p.v).toFixed(1), r: 3 }));
    }
  }
  const fmt = v => Math.abs(v) >= 1000 ? v.toExponential(1) : +v.toPrecision(3);
  const top = el("text", { class: "axis", x: 2, y: pad.t + 8 }); top.textContent = fmt(max);
  const bottom = el("text", { class: "axis", x: 2, y: height - pad.b }); bottom.textContent = fmt(min);
  svg.append(top, bottom);
  return svg;
}
