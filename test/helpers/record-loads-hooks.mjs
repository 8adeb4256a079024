// Module resolution hook for record-loads.mjs (runs on the loader thread).
import fs from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.HTB_LOAD_LOG) fs.appendFileSync(process.env.HTB_LOAD_LOG, resolved.url + '\n');
  return resolved;
}
