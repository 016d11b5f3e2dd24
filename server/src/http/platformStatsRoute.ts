import type Router from "@koa/router";
import type { Db } from "mongodb";
import { platformStats } from "../domain/platform/platformStats.js";

/** `GET /stats?days=30`: the platform's shareable aggregate figures (MS-3.2), public. */
export function mountPlatformStatsRoute(router: Router, db: Db): void {
  router.get("/stats", async (ctx) => {
    const days = Number(ctx.query.days ?? 30);
    if (!Number.isInteger(days) || days < 1 || days > 366) {
      ctx.status = 400;
      ctx.body = { error: { message: "days: must be a whole number from 1 to 366", field: "days" } };
      return;
    }
    ctx.set("Cache-Control", "public, max-age=300");
    ctx.set("Access-Control-Allow-Origin", "*");
    ctx.body = { days: await platformStats(db, { days, now: new Date() }) };
  });
}
