// Which methods a path answers, from the app's own route table: a known path asked with another
// method gets 405 and an Allow header (RFC 9110 §15.5.6), an unknown path 404.

interface Route {
  method: string;
  path: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/v1/brands/:brand` → a pattern matching one path segment per parameter, as hono's router does. */
const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .split(/(:\w+)/)
      .map((part) => (part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
      .join('')}$`,
  );

/** The Allow value for a path (`GET, HEAD` or `POST`), or null when no route has that path. */
export function allowedMethods(routes: readonly Route[]): (path: string) => string | null {
  // Middleware is registered for ALL methods; only routes say what a path answers.
  const table = routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method, pattern: patternOf(r.path) }));
  return (path) => {
    const methods = new Set(table.filter((r) => r.pattern.test(path)).map((r) => r.method));
    // hono answers HEAD with the GET route, without the body.
    if (methods.has('GET')) methods.add('HEAD');
    return methods.size ? [...methods].join(', ') : null;
  };
}
