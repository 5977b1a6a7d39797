import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SessionStore } from "../../../lib/auth/session";
import { SessionProvider } from "../../../lib/auth/SessionContext";
import { SignInPage } from "./SignInPage";

function renderSignIn(fetch: typeof globalThis.fetch, from = "/dashboards/7") {
  const store = new SessionStore({ storage: localStorage, fetch, now: Date.now });
  const router = createMemoryRouter(
    [
      { path: "/signin", element: <SignInPage /> },
      { path: "/dashboards/:id", element: <p>dashboard page</p> },
    ],
    { initialEntries: [{ pathname: "/signin", state: { from } }] },
  );
  render(
    <SessionProvider store={store}>
      <RouterProvider router={router} />
    </SessionProvider>,
  );
  return { store, router };
}

async function signIn(username: string, password: string) {
  await userEvent.type(screen.getByLabelText("User name"), username);
  await userEvent.type(screen.getByLabelText("Password"), password);
  await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("the sign-in page", () => {
  beforeEach(() => localStorage.clear());

  it("returns to the page the user was sent away from", async () => {
    const { router } = renderSignIn(
      vi.fn(async () => Response.json({ accessToken: "a", refreshToken: "r", expiresIn: 900, tokenType: "Bearer" })),
    );
    await signIn("alice", "correct horse");
    expect(await screen.findByText("dashboard page")).toBeTruthy();
    expect(router.state.location.pathname).toBe("/dashboards/7");
  });

  it("says when a throttled sign-in may be tried again and blocks the button until then", async () => {
    renderSignIn(
      vi.fn(
        async () =>
          new Response(JSON.stringify({ type: "/problems/too-many-requests", status: 429 }), {
            status: 429,
            headers: { "Retry-After": "30", "Content-Type": "application/problem+json" },
          }),
      ),
    );
    await signIn("alice", "wrong");
    expect((await screen.findByTestId("signin-error")).textContent).toMatch(/Try again in (30|29) s/);
    expect(screen.getByRole("button", { name: "Sign in" }).hasAttribute("disabled")).toBe(true);
  });

  it("shows the server's field errors next to their fields", async () => {
    renderSignIn(
      vi.fn(async () =>
        Response.json(
          { type: "/problems/validation", status: 400, errors: [{ field: "username", message: "must not be blank" }] },
          { status: 400 },
        ),
      ),
    );
    await signIn(" ", "x");
    expect((await screen.findByText("must not be blank")).id).toBe("username-error");
  });
});
