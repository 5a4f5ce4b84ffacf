/** A join's POST as a browser's join form sends it, with its attempt id (the join-retry and rename tests). */
export async function postJoinForm(url: string, body: Record<string, unknown>) {
  const res = await fetch(`${url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, never> };
}
