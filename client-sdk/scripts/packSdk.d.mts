// Types for packSdk.mjs (plain ESM, run by node directly), for the tests that pack with it.

/** The manifest the tarball ships: no source conditions, scripts or devDependencies. */
export declare function publishedManifest(manifest: Record<string, unknown>): Record<string, unknown>;

/** Stages the built files with the published manifest and runs `npm pack`; returns the tarball's path. */
export declare function packSdk(destination: string): Promise<string>;
