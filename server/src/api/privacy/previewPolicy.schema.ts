import { updatePrivacySettingsInput } from "./privacy.schema.js";

/** The same proposal `privacy.updateSettings` takes; nothing is saved. */
export const previewPolicyInput = updatePrivacySettingsInput;
