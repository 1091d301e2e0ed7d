/**
 * A feature may keep its strings beside its pages, in
 * `features/<name>/i18n/en.json` and `es.json`, each under its own top-level
 * key. A language's resources are the shared file plus every feature's file
 * of that language (src/i18n/lang/<lng>.ts); a key defined twice is a mistake
 * and fails the translation test.
 */
export type Resource = Record<string, unknown>;

export function withFeatureStrings(base: Resource, features: Record<string, Resource>): Resource {
  return Object.assign({}, base, ...Object.values(features));
}
