/**
 * The server's layers (STYLE.md, "The layout the server is growing into"): imports point down
 * this list; nothing imports upward and no two modules import each other. Run by `npm test`
 * (`npm run deps`). That only repositories/ query collections is held by
 * server/src/repositories/collectionAccess.test.ts (call sites, which an import graph cannot see).
 * Tests, test helpers and the e2e harness are exempt: they assemble the layers on purpose.
 */
const layers = ["http", "api", "ingest", "rollups", "pipeline", "domain", "repositories", "db"];
const src = "^server/src/";
const notTests = ["\\.test\\.ts$", `${src}(testing|e2e)/`];

/**
 * Existing code that breaks a rule, each named, narrow and explained. Shrink this list; never
 * grow it without saying why in the commit.
 */
const upwardExceptions = [
  // The survey answers pipeline (POST /surveys/answers) runs on the step runner and stays beside
  // the survey use cases it serves; moving it into ingest/ is a change of its own.
  { from: `${src}domain/surveys/answers/`, to: `${src}pipeline/` },
  // The demo seeding replays recorded visits (in the recorder's payload format) through the real
  // collect pipeline, so the demo is what ingestion makes of them (it runs once, at first start).
  { from: `${src}domain/demo/(seedDemoData|demoRecordings)\\.ts$`, to: `${src}ingest/` },
];

const upward = layers.slice(1).flatMap((layer, index) => {
  const above = `${src}(${layers.slice(0, index + 1).join("|")})/`;
  const exceptions = upwardExceptions.filter((exception) => exception.from.startsWith(`${src}${layer}/`));
  return [
    {
      name: `no-upward-from-${layer}`,
      comment: `${layer}/ imports only the layers below it: ${layers.slice(index + 2).join(", ")}`,
      severity: "error",
      from: { path: `${src}${layer}/`, pathNot: [...notTests, ...exceptions.map((exception) => exception.from)] },
      to: { path: above },
    },
    // An exception allows its one upward target, nothing else.
    ...exceptions.map((exception) => ({
      name: `no-upward-from-${layer}`,
      comment: `${exception.from} may import ${exception.to} (see upwardExceptions), no other layer above it`,
      severity: "error",
      from: { path: exception.from, pathNot: notTests },
      to: { path: above, pathNot: exception.to },
    })),
  ];
});

module.exports = {
  forbidden: [
    ...upward,
    {
      name: "no-circular",
      comment: "no two modules (and so no two folders) depend on each other, directly or round about",
      severity: "error",
      from: { path: src, pathNot: notTests },
      // A cycle closed only by a type import has no load order (types vanish at run time), e.g.
      // domain/compliance/visitorErasureReceiptDocument.ts reading eraseVisitor.ts's receipt type.
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["node_modules", "\\.d\\.ts$", "^server/dist/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "server/tsconfig.json" },
    enhancedResolveOptions: { conditionNames: ["@mousetrail/source", "import", "types", "default"], extensions: [".ts", ".js"] },
  },
};
