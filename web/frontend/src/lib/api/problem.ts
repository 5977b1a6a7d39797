// Errors of every ParX service are RFC 9457 problem details (docs/API.md), e.g.
// {"type":"/problems/validation","status":400,"errors":[{"field":"name","message":"must not be blank"}]}.

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait, from Retry-After (429, 503). */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(problem.detail || problem.title || `request failed with status ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get type(): string | undefined {
    return this.problem.type;
  }

  /** Messages per field name ("layout.widgets[0].w"), for showing each next to its input. */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      byField[error.field] = byField[error.field] ? `${byField[error.field]}; ${error.message}` : error.message;
    }
    return byField;
  }

  static async from(response: Response, body?: unknown): Promise<ApiError> {
    let problem: Problem = {};
    if (body && typeof body === "object") {
      problem = body as Problem;
    } else if (typeof body === "string") {
      // read as text by a request that expects text (CSV) but answered problem+json
      try {
        problem = body ? (JSON.parse(body) as Problem) : {};
      } catch {
        problem = {};
      }
    } else if (body === undefined) {
      try {
        const text = await response.clone().text();
        problem = text ? (JSON.parse(text) as Problem) : {};
      } catch {
        problem = {};
      }
    }
    if (!problem.title && !problem.detail) {
      problem = { ...problem, title: response.statusText || `HTTP ${response.status}` };
    }
    const retryAfter = Number(response.headers.get("Retry-After"));
    return new ApiError(response.status, problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
}

/** A message for a person, from any error a request may end in. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return "Your role does not allow this.";
    if (error.status === 429 && error.retryAfter) return `Too many attempts: try again in ${error.retryAfter} s.`;
    return error.problem.detail || error.problem.title || error.message;
  }
  if (error instanceof TypeError) return "The ParX server cannot be reached.";
  return error instanceof Error ? error.message : String(error);
}

/**
 * As {@link describeError}, with the fields a validation problem names ("filter matches 12000 channels; …") for
 * requests whose fields are not on screen (an export's filter, an import's body).
 */
export function describeErrorWithFields(error: unknown): string {
  if (error instanceof ApiError && error.problem.errors?.length) {
    return error.problem.errors.map((field) => `${field.field} ${field.message}`.trim()).join("; ");
  }
  return describeError(error);
}
