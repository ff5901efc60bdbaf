// Worker entry (wrangler.toml `main`): one app per isolate, so its policy cache lives as long as the
// isolate does. The type export lets clients build a typed hono/client: hc<AppType>(baseUrl).

import { createApp } from './app.js';

const app = createApp();

export type { AppType } from './app.js';
export default app;
