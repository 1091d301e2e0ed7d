/**
 * A feature may keep its strings beside its pages, in
 * `features/<name>/i18n/en.json` and `es.json`, each under its own top-level
 * key. They are merged into the shared resources here; a key defined twice is
 * a mistake and fails the translation test.
 */
type Resource = Record<string, unknown>;

const files = import.meta.glob<Resource>('../features/*/i18n/*.json', { eager: true, import: 'default' });

/** The feature files of one language, by path. */
export function featureResources(lng: string): Record<string, Resource> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => path.endsWith(`/${lng}.json`)));
}

export function withFeatureStrings(lng: string, base: Resource): Resource {
  return Object.assign({}, base, ...Object.values(featureResources(lng)));
}
