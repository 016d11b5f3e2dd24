// `npm run verify -- ...` (see verifyCommand.ts).
import { runAsProcess } from "./commandIo.js";
import { runVerifyCommand } from "./verifyCommand.js";

await runAsProcess(runVerifyCommand);
