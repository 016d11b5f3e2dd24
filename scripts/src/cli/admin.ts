// `npm run admin -- ...` (see adminCommand.ts).
import { runAsProcess } from "./commandIo.js";
import { runAdminCommand } from "./adminCommand.js";

await runAsProcess(runAdminCommand);
