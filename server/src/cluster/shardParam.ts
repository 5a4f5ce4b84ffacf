import { SHARD_PARAM } from '@conjecture/shared';

/** A request URL without the load balancer's routing parameter (routes' own queries know nothing of it). */
export function withoutShardParam(url: string): string {
  const q = url.indexOf('?');
  if (q < 0 || !url.includes(`${SHARD_PARAM}=`, q)) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  params.delete(SHARD_PARAM);
  const rest = params.toString();
  return rest ? `${url.slice(0, q)}?${rest}` : url.slice(0, q);
}
