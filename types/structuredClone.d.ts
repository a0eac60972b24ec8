/**
 * The one host global the host-agnostic layers use (tsconfig.pure.json has no DOM and no Node
 * types): `structuredClone`, in every host we run on (Node 17+, browsers, the webviews of the
 * Excel builds we support). Declared here so that using it is a deliberate dependency, not an
 * accident of the types a config happens to load.
 */
declare function structuredClone<T>(value: T): T;
