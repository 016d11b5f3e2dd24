/**
 * Printed on the first start, beside the generated login: how to get an API key for the SDK and
 * the API, in the console (its API keys page) or as two curl calls (sign in, then `apiKeys.create`). The values are
 * the demo login's, all shell-safe (generated ids, a base64url password).
 */
export function apiKeyInstructions(input: { publicUrl: string; email: string; password: string; tenantId: string }): string[] {
  const headers = `-H 'content-type: application/json' -H 'x-mousetrail-csrf: 1'`;
  return [
    `  API key:   in the console, API keys (${input.publicUrl}/t/${input.tenantId}/api-keys); or sign in and create one with curl`,
    "             (the secret in the answer is shown only once):",
    `    curl -s -c mousetrail.cookies ${headers} -d '{"email":"${input.email}","password":"${input.password}"}' ${input.publicUrl}/trpc/auth.signIn >/dev/null`,
    `    curl -s -b mousetrail.cookies ${headers} -d '{"tenantId":"${input.tenantId}","name":"My key","scopes":["reports:read","config:write","compliance:write"]}' ${input.publicUrl}/trpc/apiKeys.create`,
    "    then send it as `Authorization: Bearer <secret>`, or `createClient({ baseUrl, apiKey })` from @mousetrail/client-sdk",
    "  Lost the password? npm run admin -- reset-password EMAIL",
  ];
}
