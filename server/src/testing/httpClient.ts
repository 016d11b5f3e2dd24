/**
 * Calls a procedure over real HTTP in tRPC's wire format (what plain-HTTP integrators send):
 * queries as GET with `?input=`, mutations as POST with a JSON body.
 */
export interface HttpCallOptions {
  type: "query" | "mutation";
  cookie?: string;
  apiKey?: string;
  /** Send the CSRF header browsers send from the console (default: true for cookie calls). */
  csrf?: boolean;
  origin?: string;
}

export interface HttpCallResult {
  status: number;
  body: { result?: { data: unknown }; error?: { message: string; code: number; data: { code: string; httpStatus: number; appCode: string; issues?: { field: string; message: string }[] } } };
  setCookie: string[];
}

export async function callOverHttp(baseUrl: string, path: string, input: unknown, options: HttpCallOptions): Promise<HttpCallResult> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  if (options.csrf ?? Boolean(options.cookie)) headers["x-mousetrail-csrf"] = "1";
  if (options.origin) headers.origin = options.origin;
  let response: Response;
  if (options.type === "query") {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    response = await fetch(`${baseUrl}/trpc/${path}${query}`, { headers });
  } else {
    headers["content-type"] = "application/json";
    response = await fetch(`${baseUrl}/trpc/${path}`, { method: "POST", headers, body: input === undefined ? "" : JSON.stringify(input) });
  }
  return { status: response.status, body: (await response.json()) as HttpCallResult["body"], setCookie: response.headers.getSetCookie() };
}

/** `mt_session=…` from a Set-Cookie list, ready for a Cookie header. */
export function sessionCookieFrom(setCookie: string[]): string {
  const cookie = setCookie.find((line) => line.startsWith("mt_session="));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return cookie.split(";")[0] as string;
}
