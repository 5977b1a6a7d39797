import { describe, expect, it } from "vitest";
import { ApiError, describeErrorWithFields } from "./problem";

describe("problem+json answers", () => {
  it("keep their detail when the request read the answer as text", async () => {
    const body = JSON.stringify({ status: 400, detail: "1 field is invalid" });
    const error = await ApiError.from(new Response(body, { status: 400 }), body);
    expect(error.problem.detail).toBe("1 field is invalid");
  });

  it("name the fields of a validation problem for requests whose fields are not on screen", () => {
    const error = new ApiError(400, {
      detail: "1 field is invalid",
      errors: [{ field: "filter", message: "matches 12000 channels; narrow the filter" }],
    });
    expect(describeErrorWithFields(error)).toBe("filter matches 12000 channels; narrow the filter");
    expect(describeErrorWithFields(new ApiError(409, { detail: "name already used" }))).toBe("name already used");
  });
});
