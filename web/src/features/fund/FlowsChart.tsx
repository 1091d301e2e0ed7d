import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../../components/useMoney.ts';
import type { FundFlows } from './flows.api.ts';
import { flowLabel, nameIn } from './flowLabels.ts';

/** The sub-funds' colours, in their order: light enough behind dark text, told apart without colour by their labels. */
const COLOURS = ['#0ca678', '#1c7ed6', '#ae3ec9', '#f76707', '#1098ad', '#74b816', '#f59f00'];

const WIDTH = 760;
const BAR = 12;
const COLUMN = { left: 200, middle: 374, right: 548 };
/** The height the money is drawn in; each node takes at least a label's room. */
const SCALE_HEIGHT = 340;
const SLOT = 48;
const GAP = 6;
const TOP = 8;

interface Node {
  key: string;
  label: string;
  cents: number;
  y: number;
  h: number;
}

/** Lays nodes out down a column: each gets its height in proportion, and at least the room of its label. */
function column(items: { key: string; label: string; cents: number }[], px: number): Node[] {
  let y = TOP;
  return items.map((item) => {
    const h = Math.max(1, item.cents * px);
    const node = { ...item, y, h };
    y += Math.max(h, SLOT) + GAP;
    return node;
  });
}

/** A label in lines of about 24 characters, so it stays beside its bar. */
function wrap(label: string, width = 24): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const bottom = (nodes: Node[]) => nodes.reduce((m, n) => Math.max(m, n.y + Math.max(n.h, SLOT)), 0);

/** A band from (x0, y0) to (x1, y1), `h` high at both ends. */
const band = (x0: number, y0: number, x1: number, y1: number, h: number) => {
  const xm = (x0 + x1) / 2;
  return `M${x0},${y0}C${xm},${y0} ${xm},${y1} ${x1},${y1}L${x1},${y1 + h}C${xm},${y1 + h} ${xm},${y0 + h} ${x0},${y0 + h}Z`;
};

/**
 * Where the fund's money came from (left), the sub-funds it went into
 * (middle) and where it went (right), each band as wide as its amount. Drawn
 * by hand in SVG; an image with a name, beside the table of the same figures.
 * Loaded on demand.
 */
export function FlowsChart({ flows }: { flows: FundFlows }) {
  const { t, i18n } = useTranslation();
  const money = useMoney(flows.currency);
  const titleId = useId();
  const lang = i18n.language;
  const sources = flows.sources.filter((s) => s.cents > 0);
  const uses = flows.uses.filter((u) => u.cents > 0);
  const total = sources.reduce((s, x) => s + x.cents, 0);
  if (total === 0) return null;
  const px = SCALE_HEIGHT / total;

  const grouped = <T,>(items: T[], keyOf: (x: T) => string, label: (x: T) => string) => {
    const m = new Map<string, { key: string; label: string; cents: number }>();
    for (const x of items) {
      const k = keyOf(x);
      const n = m.get(k) ?? { key: k, label: label(x), cents: 0 };
      n.cents += (x as { cents: number }).cents;
      m.set(k, n);
    }
    return [...m.values()];
  };
  const left = column(
    grouped(
      sources,
      (s) => s.source,
      (s) => flowLabel(t, lang, s.source, s.names, flows),
    ),
    px,
  );
  const funds = flows.subFunds.filter((f) => sources.some((s) => s.subFund === f.code));
  const middle = column(
    funds.map((f) => ({
      key: f.code,
      label: nameIn(f.names, lang),
      cents: sources.filter((s) => s.subFund === f.code).reduce((s, x) => s + x.cents, 0),
    })),
    px,
  );
  const right = column(
    grouped(
      uses,
      (u) => u.use,
      (u) => flowLabel(t, lang, u.use, u.names, flows),
    ),
    px,
  );
  const colourOf = new Map(flows.subFunds.map((f, i) => [f.code, COLOURS[i % COLOURS.length]!]));

  // Each node's bands stack down it, in the order of the nodes at their other end.
  const filled = new Map<string, number>();
  const take = (side: string, key: string, y: number, h: number) => {
    const k = `${side}\u0000${key}`;
    const used = filled.get(k) ?? 0;
    filled.set(k, used + h);
    return y + used;
  };
  const byKey = (nodes: Node[]) => new Map(nodes.map((n) => [n.key, n]));
  const [leftOf, rightOf] = [byKey(left), byKey(right)];
  const bands: { d: string; colour: string; key: string }[] = [];
  for (const m of middle) {
    for (const s of sources.filter((x) => x.subFund === m.key)) {
      const l = leftOf.get(s.source)!;
      const h = Math.max(0.5, s.cents * px);
      bands.push({
        key: `in-${s.source}-${m.key}`,
        colour: colourOf.get(m.key)!,
        d: band(COLUMN.left + BAR, take('l', l.key, l.y, h), COLUMN.middle, take('mi', m.key, m.y, h), h),
      });
    }
  }
  for (const m of middle) {
    for (const u of uses.filter((x) => x.subFund === m.key)) {
      const r = rightOf.get(u.use)!;
      const h = Math.max(0.5, u.cents * px);
      bands.push({
        key: `out-${m.key}-${u.use}`,
        colour: colourOf.get(m.key)!,
        d: band(COLUMN.middle + BAR, take('mo', m.key, m.y, h), COLUMN.right, take('r', r.key, r.y, h), h),
      });
    }
  }
  const height = Math.ceil(Math.max(bottom(left), bottom(middle), bottom(right)) + TOP);
  const text = (n: Node, x: number, anchor: 'start' | 'end') => {
    const lines = wrap(n.label);
    const first = n.y + Math.max(n.h, SLOT) / 2 - 3 - ((lines.length - 1) * 14) / 2;
    return (
      <text x={x} y={first} textAnchor={anchor} fontSize={12} fill="currentColor">
        {lines.map((l, i) => (
          <tspan key={i} x={x} dy={i === 0 ? 0 : 14} fontWeight={600}>
            {l}
          </tspan>
        ))}
        <tspan x={x} dy={14}>
          {money(n.cents)}
        </tspan>
      </text>
    );
  };
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
      style={{ display: 'block', minWidth: 560, maxWidth: WIDTH, overflow: 'visible' }}
    >
      <title id={titleId}>{t('fund.flows.chartLabel', { year: flows.year })}</title>
      <g>
        {bands.map((b) => (
          <path key={b.key} d={b.d} fill={b.colour} fillOpacity={0.35} />
        ))}
      </g>
      {[...left.map((n) => [n, COLUMN.left] as const), ...right.map((n) => [n, COLUMN.right] as const)].map(
        ([n, x]) => (
          <rect key={`${x}-${n.key}`} x={x} y={n.y} width={BAR} height={n.h} fill="#495057" />
        ),
      )}
      {middle.map((n) => (
        <rect key={`m-${n.key}`} x={COLUMN.middle} y={n.y} width={BAR} height={n.h} fill={colourOf.get(n.key)} />
      ))}
      {left.map((n) => (
        <g key={`lt-${n.key}`}>{text(n, COLUMN.left - 8, 'end')}</g>
      ))}
      {middle.map((n) => (
        <g key={`mt-${n.key}`} style={{ paintOrder: 'stroke' }} stroke="var(--mantine-color-body)" strokeWidth={4}>
          {text(n, COLUMN.middle + BAR + 6, 'start')}
        </g>
      ))}
      {right.map((n) => (
        <g key={`rt-${n.key}`}>{text(n, COLUMN.right + BAR + 8, 'start')}</g>
      ))}
    </svg>
  );
}
