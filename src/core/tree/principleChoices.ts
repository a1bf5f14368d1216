import { findCatalogPrinciple, type CatalogPrinciple } from '../catalog';

export interface PrincipleChoices {
  /** Catalog principles no file holds yet, in catalog order: the ones worth a new file. */
  uncovered: CatalogPrinciple[];
  /** Catalog principles a file already holds, in catalog order. */
  covered: CatalogPrinciple[];
}

/** Splits a catalog by whether a principle title of the workspace (`filedTitles`) already names it. */
export function principleChoices(catalog: readonly CatalogPrinciple[], filedTitles: Iterable<string>): PrincipleChoices {
  const filed = new Set<CatalogPrinciple>();
  for (const title of filedTitles) {
    const match = findCatalogPrinciple(catalog, title);
    if (match) filed.add(match);
  }
  return {
    uncovered: catalog.filter((p) => !filed.has(p)),
    covered: catalog.filter((p) => filed.has(p)),
  };
}
