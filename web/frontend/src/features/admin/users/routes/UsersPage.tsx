import { useState } from "react";
import { Banner } from "../../../../components/Banner";
import { Forbidden } from "../../../../components/Forbidden";
import { QueryState } from "../../../../components/QueryState";
import { Pager } from "../../../../components/Pager";
import { ApiError, describeError } from "../../../../lib/api/problem";
import { useMe } from "../../../../lib/auth/useMe";
import { USERS_PAGE_SIZE, useUpdateUser, useUsers } from "../api/users";
import { CreateUserDialog } from "../components/CreateUserDialog";
import { ResetPasswordDialog } from "../components/ResetPasswordDialog";
import { ROLES, type Role, type User } from "../types";

/** Users (ADMIN): create, change role, enable/disable, reset a password. */
export function UsersPage() {
  const [page, setPage] = useState(0);
  const users = useUsers(page);
  const me = useMe();
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  if (users.error instanceof ApiError && users.error.status === 403) {
    return (
      <main className="page">
        <h1>Users</h1>
        <Forbidden what="managing users" role={me.data?.role} />
      </main>
    );
  }

  async function change(user: User, change: { role?: Role; enabled?: boolean }, done: string) {
    setNotice(null);
    try {
      await update.mutateAsync({ user, ...change });
      setNotice({ tone: "success", text: done });
    } catch (error) {
      const stale = error instanceof ApiError && error.status === 409;
      setNotice({
        tone: "error",
        text: stale
          ? `${user.username} was changed meanwhile; the list shows the current state.`
          : describeError(error),
      });
    }
  }

  const list = users.data?.content ?? [];
  return (
    <main className="page">
      <div className="page-header">
        <h1>Users</h1>
        <span className="spacer" />
        <button type="button" className="button-primary" onClick={() => setCreating(true)} data-testid="new-user">
          New user
        </button>
      </div>
      <p className="muted">A change of role, of the enabled state or of the password signs the user out everywhere.</p>
      {notice && <Banner tone={notice.tone}>{notice.text}</Banner>}
      <QueryState isLoading={users.isLoading} error={users.error} what="the users" />
      {list.length > 0 && (
        <table className="list-table" data-testid="user-list">
          <thead>
            <tr>
              <th scope="col">User name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Password changed</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((user) => {
              const self = user.id === me.data?.id;
              return (
                <tr key={user.id} data-testid={`user-${user.username}`}>
                  <th scope="row">
                    {user.username}
                    {self && <span className="muted"> (you)</span>}
                  </th>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                      Role of {user.username}
                    </label>
                    <select
                      id={`role-${user.id}`}
                      value={user.role}
                      disabled={update.isPending}
                      onChange={(e) =>
                        void change(
                          user,
                          { role: e.target.value as Role },
                          `${user.username} is now ${e.target.value}.`,
                        )
                      }
                      data-testid="user-role"
                    >
                      {ROLES.map((role) => (
                        <option key={role}>{role}</option>
                      ))}
                    </select>
                  </td>
                  <td>{user.enabled ? "enabled" : <strong>disabled</strong>}</td>
                  <td>{new Date(user.passwordChangedAt).toLocaleString()}</td>
                  <td>{new Date(user.createdAt).toLocaleString()}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="button-quiet"
                      disabled={update.isPending}
                      onClick={() =>
                        void change(
                          user,
                          { enabled: !user.enabled },
                          `${user.username} is ${user.enabled ? "disabled" : "enabled"}.`,
                        )
                      }
                    >
                      {user.enabled ? "Disable" : "Enable"}
                    </button>
                    <button type="button" className="button-quiet" onClick={() => setResetting(user)}>
                      Reset password
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {users.data && (
        <Pager page={page} size={USERS_PAGE_SIZE} total={users.data.page.totalElements} onPage={setPage} />
      )}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </main>
  );
}
