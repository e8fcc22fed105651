// The repository root, both from scripts/ (source, under jest) and dist/scripts/ (compiled): scripts read and write
// project files (rulesets, corpora, the OpenAPI document) there, never in dist/.
export function projectRoot(): URL {
  const parent = new URL('../', import.meta.url);
  return parent.pathname.endsWith('/dist/') ? new URL('../', parent) : parent;
}
