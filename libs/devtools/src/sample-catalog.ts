/**
 * A bedding store's catalog, generated: what the spec's `product_catalog: "bedding_products.json"` names, for demos,
 * the tests and the benchmark. Deterministic: the same count gives the same products, and product `i` is the same in
 * every catalog that holds it.
 */
export interface SampleProduct {
  sku: string;
  name: string;
  category: string;
  description: string;
  price: number;
  currency: string;
  sizes: string[];
  colors: string[];
  material: string;
  /** Units in stock per "Size/Colour"; a missing pair is not made. */
  stock: Record<string, number>;
}

const STYLES = [
  'Alpine',
  'Harbor',
  'Meadow',
  'Cloud',
  'Juniper',
  'Willow',
  'Summit',
  'Coastal',
  'Heather',
  'Aurora',
  'Cedar',
  'Lagoon',
  'Prairie',
  'Sierra',
  'Marigold',
  'Tundra',
  'Orchard',
  'Saffron',
  'Glacier',
  'Bramble',
];
const FINISHES = ['Classic', 'Luxe', 'Breeze', 'Haven', 'Nest', 'Dream', 'Serene', 'Velvet', 'Crisp', 'Cozy'];
const KINDS = [
  { kind: 'Duvet', category: 'duvets', base: 89 },
  { kind: 'Comforter', category: 'comforters', base: 79 },
  { kind: 'Sheet Set', category: 'bedding_sets', base: 59 },
  { kind: 'Pillow', category: 'pillows', base: 24 },
  { kind: 'Quilt', category: 'quilts', base: 99 },
  { kind: 'Throw Blanket', category: 'home_decor', base: 39 },
  { kind: 'Mattress Topper', category: 'sleep_products', base: 119 },
  { kind: 'Pillowcase Pair', category: 'pillows', base: 19 },
  { kind: 'Bedspread', category: 'bedding_sets', base: 69 },
  { kind: 'Weighted Blanket', category: 'sleep_products', base: 129 },
];
const MATERIALS = ['organic cotton', 'Egyptian cotton', 'linen', 'bamboo lyocell', 'merino wool', 'microfiber', 'silk'];
const COLORS = ['White', 'Ivory', 'Sage', 'Slate Blue', 'Charcoal', 'Blush', 'Sand', 'Navy'];
const SIZES = ['Twin', 'Full', 'Queen', 'King', 'California King'];

/** Products in a catalog of `count`; past 2,000 the names carry a series number ("Alpine Classic Duvet 3"). */
export function sampleCatalog(count: number): SampleProduct[] {
  return Array.from({ length: count }, (_, i) => sampleProduct(i));
}

export function sampleProduct(i: number): SampleProduct {
  const kind = KINDS[i % KINDS.length]!;
  const finish = FINISHES[Math.floor(i / KINDS.length) % FINISHES.length]!;
  const style = STYLES[Math.floor(i / (KINDS.length * FINISHES.length)) % STYLES.length]!;
  const series = Math.floor(i / (KINDS.length * FINISHES.length * STYLES.length));
  const name = `${style} ${finish} ${kind.kind}${series > 0 ? ` ${series + 1}` : ''}`;
  const material = MATERIALS[(i * 7) % MATERIALS.length]!;
  const sizes = SIZES.filter((_, s) => (i + s) % 4 !== 3);
  const colors = COLORS.filter((_, c) => (i * 3 + c) % 3 === 0 || c === i % COLORS.length);
  const stock: Record<string, number> = {};
  for (const [s, size] of sizes.entries())
    for (const [c, color] of colors.entries()) stock[`${size}/${color}`] = (i + s * 5 + c * 3) % 7;
  const cents = [0, 50, 99, 95][i % 4]!;
  return {
    sku: `CCB-${String(10_000 + i)}`,
    name,
    category: kind.category,
    description: `A ${finish.toLowerCase()} ${kind.kind.toLowerCase()} in ${material}, from our ${style} collection.`,
    price: kind.base + ((i * 13) % 60) + cents / 100,
    currency: 'USD',
    sizes,
    colors,
    material,
    stock,
  };
}
