// Registers the TypeScript hooks for test runs without Jest's module sandbox (see hooks.mjs). Loaded with
// `node --import`, which Node also applies to the worker threads that run the spec files.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
