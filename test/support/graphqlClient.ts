import { DEMO_PASSWORD } from '../../prisma/seed/data';

/** A GraphQL response as the gateway sends it. */
export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Runs an operation that must succeed; fails with the operation and the errors printed. */
export async function expectData<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const result = await postGraphQL<T>(url, query, variables, headers);
  if (result.errors?.length || !result.data) {
    throw new Error(
      `Operation failed (HTTP ${result.status}):\n${query}\n${JSON.stringify(result.errors, null, 2)}`,
    );
  }
  return result.data;
}

/** Signs in through the gateway and returns the Authorization header for later requests. */
export async function loginHeaders(
  url: string,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<Record<string, string>> {
  const { login } = await expectData<{ login: { accessToken: string } }>(
    url,
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email, password } },
  );
  return { authorization: `Bearer ${login.accessToken}` };
}
