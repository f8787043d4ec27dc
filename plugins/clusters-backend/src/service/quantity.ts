const SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** Parses a Kubernetes quantity (`250m`, `1.5`, `128Mi`, `1e3`) into a number of base units. */
export function parseQuantity(
  quantity: string | number | undefined,
): number | undefined {
  if (quantity === undefined) {
    return undefined;
  }
  if (typeof quantity === 'number') {
    return quantity;
  }
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(
    quantity.trim(),
  );
  if (!match || !(match[2] in SUFFIXES)) {
    return undefined;
  }
  return Number(match[1]) * SUFFIXES[match[2]];
}

/** CPU quantity in millicores (rounded). */
export function toMillicores(
  quantity: string | number | undefined,
): number | undefined {
  const cores = parseQuantity(quantity);
  return cores === undefined ? undefined : Math.round(cores * 1000);
}

/** Memory quantity in bytes (rounded). */
export function toBytes(
  quantity: string | number | undefined,
): number | undefined {
  const bytes = parseQuantity(quantity);
  return bytes === undefined ? undefined : Math.round(bytes);
}
