/**
 * Node module hooks for running the dashboard's server code outside Next.js with its route handlers
 * (a benchmark calling them directly): `server-only` resolves to an empty module, as in the unit tests.
 * `--conditions=react-server` would empty it too, but under that condition React has no
 * createContext, which next/navigation (imported by the auth helpers) needs. Registered by
 * ./server-code.mjs: `tsx --import ./lib/testing/server-code.mjs …`.
 */
const empty = "data:text/javascript,";

export async function resolve(specifier, context, nextResolve) {
  return specifier === "server-only" ? { url: empty, shortCircuit: true } : nextResolve(specifier, context);
}
