import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildAndServe } from './serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { url, server } = await buildAndServe(fileURLToPath(new URL('../..', import.meta.url)));
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
