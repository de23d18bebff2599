// How the page splits the machine's cores when wasm computes (issue 11, measured on a 2-core machine): the engine takes
// all cores but one, and the last is the page's (charts render while a sweep runs) and, during λ(H_a), the helper
// worker's. start-here ran in 9.3 s with the engine on both cores and 7.3 s on one (1 s of it less with the helper):
// small models gain little from a second XNNPACK thread and lose much when the page's rendering takes its core.

/** The engine's wasm threads when the page's setting says "automatic": every core but one, at least one. */
export const automaticWasmThreads = (cores: number): number => Math.max(1, Math.floor(cores) - 1);

/** Whether the λ(H_a) helper worker gets a core: only where the engine leaves one free. */
export const hessianHelperFits = (cores: number, engineThreads: number): boolean => cores >= 2 && engineThreads < cores;
