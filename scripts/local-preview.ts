// What `npm start` and `npm run dev` share: the local store's effective date and wrangler dev's address.

/**
 * Locally the sheets just built (or just saved) judge every claim, whatever its order date: an editor
 * sees a change at once. (Deploys publish from today on; to try version pinning locally:
 * `npm run publish:local -- --effective-from 2026-06-01`.)
 */
export const LOCAL_EFFECTIVE_FROM = '2000-01-01';

export const LOCAL_ADDRESS = ['--ip', '127.0.0.1', '--port', '8787'];
