import type { ServiceName } from './aws-errors.js';

/** One parsed AWS call as an operation handler sees it. */
export interface AwsRequest {
  operation: string;
  /** Path labels, URL-decoded (e.g. InstanceId, FunctionName). */
  labels: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body (an empty object when there was none). */
  body: Record<string, unknown>;
  /** Region of the SigV4 credential scope. */
  region: string;
}

/** What a handler returns: the JSON body of a success answer (undefined for an empty one). */
export type Handler = (request: AwsRequest) => unknown;

export interface Route {
  service: ServiceName;
  operation: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** The SDK's path template, e.g. `/contact-flows/{InstanceId}/{ContactFlowId}`. */
  path: string;
  /** Status of a success (from the SDK's model: 200, or 201/204 for some Lambda operations). */
  status?: number;
  handle: Handler;
}

/** A Connect route: the operation's name, method and the SDK's path template. */
export function connectRoute(operation: string, method: Route['method'], path: string, handle: Handler): Route {
  return { service: 'connect', operation, method, path, handle };
}

interface CompiledRoute {
  route: Route;
  segments: ({ literal: string } | { label: string })[];
  literals: number;
}

export interface RouteMatch {
  route: Route;
  labels: Record<string, string>;
}

/** Matches `METHOD /path` against route templates; literal segments win over labels. */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => {
      const segments = split(route.path).map((s) => {
        const label = /^\{(\w+)\}$/.exec(s)?.[1];
        return label ? { label } : { literal: s };
      });
      return { route, segments, literals: segments.filter((s) => 'literal' in s).length };
    });
  }

  match(method: string, rawPath: string): RouteMatch | undefined {
    const parts = split(rawPath);
    let best: { c: CompiledRoute; labels: Record<string, string> } | undefined;
    for (const c of this.compiled) {
      if (c.route.method !== method || c.segments.length !== parts.length) continue;
      const labels: Record<string, string> = {};
      const ok = c.segments.every((segment, i) => {
        const part = parts[i] as string;
        if ('literal' in segment) return segment.literal === part;
        if (part === '') return false;
        labels[segment.label] = safeDecode(part);
        return true;
      });
      if (ok && (!best || c.literals > best.c.literals)) best = { c, labels };
    }
    return best ? { route: best.c.route, labels: best.labels } : undefined;
  }
}

function split(path: string): string[] {
  return path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
