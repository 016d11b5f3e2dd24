import { createSignal, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError, fieldError } from "../../../api/describeApiError.js";
import { createMembersStore } from "../../../data/membersStore.js";
import { CopyButton } from "../../../ui/copyButton.js";
import { createAction } from "../../../ui/createAction.js";
import { formatDate } from "../../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading, TextField } from "../../../ui/formControls.js";
import { notify } from "../../../ui/toasts.js";
import { useTenant, type Role } from "../tenantContext.js";

const roles: { role: Role; description: string }[] = [
  { role: "owner", description: "everything" },
  { role: "admin", description: "sites, members, API keys" },
  { role: "analyst", description: "reports" },
  { role: "compliance", description: "opt-outs, erasure, purges, complaints, audit log" },
];

/** `/t/:tenantId/members`: members and roles, invitations (the link shown once). */
export default function MembersPage() {
  const tenant = useTenant();
  const store = createMembersStore(useApi(), tenant.tenantId);
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<Role>("analyst");
  const [link, setLink] = createSignal<string | null>(null);
  const invite = createAction(async () => {
    const created = await store.invite(email(), role());
    setLink(created.link);
    setEmail("");
  });
  const change = createAction((userId: string, newRole: Role) => store.changeRole(userId, newRole).then(() => notify("Role changed.")));
  const remove = createAction((userId: string) => store.remove(userId).then(() => notify("Member removed.")));
  const revoke = createAction((address: string) => store.revokeInvitation(address).then(() => notify("Invitation revoked.")));
  return (
    <>
      <h1>Members</h1>
      <ErrorNotice error={change.error() ?? remove.error() ?? revoke.error()} />
      <Switch fallback={<Loading what="members" />}>
        <Match when={store.members.error}>
          <ErrorNotice error={describeApiError(store.members.error)} />
        </Match>
        <Match when={store.members()}>
          {(list) => (
            <>
              <div class="table-scroll">
                <table class="responsive">
                  <caption class="muted">People with access to this tenant</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Role</th>
                      <th scope="col">Joined</th>
                      <th scope="col">
                        <span class="muted">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list().members}>
                      {(member) => (
                        <tr>
                          <td>
                            {member.name}
                            <br />
                            <span class="muted">{member.email}</span>
                          </td>
                          <td>
                            <select aria-label={`Role of ${member.name}`} value={member.role} onChange={(e) => void change.run(member.userId, e.currentTarget.value as Role)}>
                              <For each={roles}>{(option) => <option value={option.role}>{option.role}</option>}</For>
                            </select>
                          </td>
                          <td data-label="Joined">{formatDate(member.joinedAt)}</td>
                          <td>
                            <button type="button" class="danger" aria-label={`Remove ${member.name}`} onClick={() => void remove.run(member.userId)}>
                              Remove
                            </button>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <h2>Pending invitations</h2>
              <Show when={list().invitations.length > 0} fallback={<EmptyState title="No pending invitations">Invite someone below; they join with the link you pass them.</EmptyState>}>
                <ul class="cards">
                  <For each={list().invitations}>
                    {(invitation) => (
                      <li class="card">
                        <span>
                          {invitation.email} as {invitation.role}, expires {formatDate(invitation.expiresAt)}
                        </span>
                        <span>
                          <button type="button" class="secondary" aria-label={`Revoke the invitation of ${invitation.email}`} onClick={() => void revoke.run(invitation.email)}>
                            Revoke
                          </button>
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <section aria-labelledby="invite">
        <h2 id="invite">Invite someone</h2>
        <form
          class="stack narrow"
          onSubmit={(event) => {
            event.preventDefault();
            setLink(null);
            void invite.run();
          }}
        >
          <ErrorNotice error={invite.error()} />
          <TextField label="Email" type="email" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} error={fieldError(invite.error(), "email")} />
          <div class="field">
            <label for="invite-role">Role</label>
            <select id="invite-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              <For each={roles}>
                {(option) => (
                  <option value={option.role}>
                    {option.role}: {option.description}
                  </option>
                )}
              </For>
            </select>
          </div>
          <button type="submit" class="primary" disabled={invite.pending()}>
            Create invitation link
          </button>
        </form>
        <Show when={link()}>
          {(shown) => (
            <div class="shown-once" role="status">
              <p>
                <strong>Pass this link to the invitee now: it is shown only once.</strong>
              </p>
              <p>
                <code class="invitation-link">{shown()}</code>
              </p>
              <CopyButton value={shown()} label="Copy link" />
            </div>
          )}
        </Show>
      </section>
    </>
  );
}
